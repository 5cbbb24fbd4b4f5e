using System.Text.Json;
using System.Text.Json.Serialization;
using Nija.Api.Admin;
using Nija.Api.Audit;
using Nija.Api.Common;
using Nija.Api.Email;
using Nija.Api.Health;
using Nija.Api.Live;
using Nija.Api.Telemetry;
using Nija.Runtime.Sql;

namespace Nija.Api.Hosting;

/// <summary>The API's services: strict JSON, problem details, request limits, SignalR, OpenAPI, telemetry.</summary>
internal static class ApiServiceExtensions
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddNijaApiServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions["correlationId"] = CorrelationId.Of(c.HttpContext);
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditQueue>());
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<IEmailSender, OutboxEmailSender>();
        services.AddSingleton<PlatformOverview>();
        services.AddSingleton<Billing.UsageMeter>();
        services.AddSingleton<ApiInstruments>();
        services.AddSingleton<PrometheusExporter>();
        services.AddSingleton<LiveBridge>();
        var dialect = services.FirstOrDefault(d => typeof(SqlDialect).IsAssignableFrom(d.ServiceType) && d.ServiceType != typeof(SqlDialect))?.ServiceType;
        services.AddSingleton(sp => new StorageProbe(sp, dialect));
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024).AddJsonProtocol(o => Configure(o.PayloadSerializerOptions));
        services.AddOpenApi();
        return builder;
    }

    /// <summary>camelCase, enums as names, and strict: unknown fields, missing required fields and nulls for non-nullable fields are refused.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectRequiredConstructorParameters = true;
        options.RespectNullableAnnotations = true;
        options.NumberHandling = JsonNumberHandling.Strict;
    }
}
