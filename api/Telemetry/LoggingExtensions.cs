using Serilog;

namespace Nija.Api.Telemetry;

/// <summary>
/// Serilog JSON lines on the console through Serilog.Extensions.Logging (Serilog.AspNetCore does not
/// restore here), written by one background task (<see cref="BackgroundLogSink"/>) so that no request
/// waits on the console; when the console cannot keep up, lines are dropped (and counted) rather than requests slowed. Secrets stay out because nothing logs request bodies, headers or tokens, and the
/// tests grep the output to keep it so.
/// </summary>
internal static class LoggingExtensions
{
    public static WebApplicationBuilder AddNijaLogging(this WebApplicationBuilder builder, TextWriter? output = null)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting", Serilog.Events.LogEventLevel.Information)
            .Enrich.FromLogContext();
        configuration = output is null
            ? configuration.WriteTo.Sink(new BackgroundLogSink(Console.OpenStandardOutput()))
            : configuration.WriteTo.Sink(new TextWriterSink(new JsonLogFormatter(), output));
        var logger = configuration.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }

    /// <summary>One log line per request with its correlation id, path template and outcome; never the query string, headers or body.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Nija.Api.Requests");
        return app.Use(async (context, next) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = CorrelationId.Of(context) }))
            {
                await next(context);
                RequestLog.Completed(logger, context.Request.Method, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "",
                    context.Response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }
}

internal static partial class RequestLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    public static partial void Completed(Microsoft.Extensions.Logging.ILogger logger, string method, string route, int statusCode, double elapsedMs);
}
