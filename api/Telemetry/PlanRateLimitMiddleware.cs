using System.Globalization;
using Nija.Api.Auth;
using Nija.GrainInterfaces.Trading;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Telemetry;

/// <summary>
/// The plan's API calls per minute, for every signed-in request under /api/v1 (and the /billing aliases). Counted in the user's
/// trading grain, so the limit holds across API nodes; over it answers 429 with Retry-After.
/// </summary>
internal sealed class PlanRateLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        if (context.User.Identity?.IsAuthenticated != true
            || !(context.Request.Path.StartsWithSegments("/api/v1", StringComparison.Ordinal) || context.Request.Path.StartsWithSegments("/billing", StringComparison.Ordinal)))
        {
            await next(context);
            return;
        }

        var allowance = await grains.GetGrain<ITradingGrain>(context.User.UserId()).CountApiCall();
        context.Response.Headers["X-RateLimit-Limit"] = allowance.Limit.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Remaining"] = allowance.Remaining.ToString(CultureInfo.InvariantCulture);
        if (allowance.Allowed)
        {
            await next(context);
            return;
        }

        var retryAfter = Math.Max(1, (int)Math.Ceiling((allowance.ResetsAt - time.GetUtcNow()).TotalSeconds));
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        if (allowance.ExceededLimit == "IncludedApiCalls")
        {
            // The plan is blocked at its quota rather than billed for overage: paying (upgrading) lifts it.
            await Results.Problem(statusCode: 402, title: "The plan's included API calls for this month are used; upgrade to continue.",
                detail: $"They reset at {allowance.ResetsAt:u}.", extensions: new Dictionary<string, object?> { ["limit"] = "IncludedApiCalls" }).ExecuteAsync(context);
            return;
        }

        await Results.Problem(statusCode: 429, title: $"The plan allows {allowance.Limit} API calls per minute.",
            detail: $"Retry after {retryAfter} seconds.", extensions: new Dictionary<string, object?> { ["limit"] = "ApiCallsPerMinute" }).ExecuteAsync(context);
    }
}
