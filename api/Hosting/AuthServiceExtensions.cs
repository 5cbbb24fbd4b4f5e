using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Nija.Api.Auth;

namespace Nija.Api.Hosting;

/// <summary>Bearer JWTs (and access_token on the hub's WebSocket), personal API keys, the policies and the founder account.</summary>
internal static class AuthServiceExtensions
{
    private const string Selector = "Nija";

    public static WebApplicationBuilder AddNijaAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<AuthOptions>>(new SigningKeyFile(builder.Configuration["Nija:DataDir"] ?? "data"));
        services.AddOptions<OnboardingOptions>().Bind(builder.Configuration.GetSection(OnboardingOptions.Section));
        services.AddOptions<AdminOptions>().Bind(builder.Configuration.GetSection(AdminOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<Credentials>();
        services.AddSingleton<AccountFactory>();
        services.AddHostedService<FounderAccount>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Selector;
                o.DefaultChallengeScheme = AuthSchemes.Bearer;
            })
            .AddPolicyScheme(Selector, "Bearer JWT or API key", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader) ? AuthSchemes.ApiKey : AuthSchemes.Bearer)
            .AddJwtBearer(AuthSchemes.Bearer, o =>
            {
                o.MapInboundClaims = false;
                o.SaveToken = false; // nothing reads the token back from the ticket; storing it cost a dictionary per request
                o.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets: the hub takes the token from the query string, and only the hub.
                    OnMessageReceived = c =>
                    {
                        if (c.HttpContext.Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal) && c.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                        {
                            c.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null);
        services.AddSingleton(sp => new ValidatedTokenCache(sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<JwtBearerOptions>(AuthSchemes.Bearer).Configure<TokenService, ValidatedTokenCache>((o, tokens, cache) =>
        {
            o.TokenValidationParameters = tokens.ValidationParameters();
            cache.MapInboundClaims = false;
            o.TokenHandlers.Clear();
            o.TokenHandlers.Add(cache);
        });
        services.AddAuthorization(NijaPolicies.Configure);
        return builder;
    }
}
