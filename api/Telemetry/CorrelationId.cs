using System.Security.Cryptography;
using Nija.Runtime.Abstractions.Context;

namespace Nija.Api.Telemetry;

/// <summary>
/// Every request gets a correlation id (the caller's X-Correlation-Id when it is sane, else a new
/// one), echoed in the response, written in logs and audit entries, and carried into grain calls.
/// </summary>
internal static class CorrelationId
{
    public const string Header = "X-Correlation-Id";
    private const string ItemKey = "nija.correlation";

    public static string Of(HttpContext context) => context.Items[ItemKey] as string ?? "";

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = incoming.Length is > 0 and <= 64 && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? incoming
            : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        context.Items[ItemKey] = id;
        context.Response.Headers[Header] = id;
        RequestContext.CorrelationId = id;
        await next(context);
    });
}
