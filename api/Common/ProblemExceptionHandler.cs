using Microsoft.AspNetCore.Diagnostics;
using Nija.GrainInterfaces.Settings;

namespace Nija.Api.Common;

/// <summary>
/// Turns what endpoints and grains throw into RFC 7807 problems: bad input names its field (400), a
/// conflict with stored state is 409, and anything unexpected is a plain 500 with no stack trace.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, errors) = exception switch
        {
            RequestBodyException e => (400, "The request body is not valid.", Errors(e.Field, e.Message)),
            SettingsValidationException e => (400, "The settings are not valid.", e.Errors.ToDictionary(kv => kv.Key, kv => new[] { kv.Value })),
            ArgumentException e => (400, "The request is not valid.", Errors(e.ParamName ?? "request", FirstSentence(e.Message))),
            BadHttpRequestException e => (e.StatusCode, e.StatusCode == 413 ? "The request body is too large." : "The request is not valid.", null),
            InvalidOperationException e => (409, e.Message, null),
            KeyNotFoundException => (404, "Not found.", null),
            _ => (500, "An unexpected error occurred.", null),
        };
        if (status == 500)
        {
            LogUnexpected(logger, httpContext.Request.Path, exception);
        }

        httpContext.Response.StatusCode = status;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title };
        if (errors is not null)
        {
            details.Extensions["errors"] = errors;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };

    // ArgumentException appends " (Parameter 'x')"; the field is already named.
    private static string FirstSentence(string message) => message.Split(" (Parameter '", 2)[0];

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnexpected(ILogger logger, string path, Exception exception);
}
