using Nija.Api.Audit;
using Nija.Api.Auth;
using Nija.Api.Common;
using Nija.GrainInterfaces.Brokers;
using Nija.GrainInterfaces.Onboarding;
using Nija.GrainInterfaces.Settings;
using Nija.GrainInterfaces.Webhooks;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Config;

/// <summary>/api/v1/config: settings (PUT is partial), broker keys (write-only), the webhook id and secret.</summary>
internal static class ConfigEndpoints
{
    public static RouteGroupBuilder MapConfigEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/settings", async (HttpContext http, IGrainFactory grains) => Results.Ok(await grains.GetGrain<IUserSettingsGrain>(http.User.UserId()).Get()));
        group.MapPut("/settings", async (Body<JsonElementBox> body, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var patch = SettingsPatchReader.Read(body.Value.Element);
            var settings = await grains.GetGrain<IUserSettingsGrain>(http.User.UserId()).Update(patch, http.User.UserId());
            await audit.RecordAsync("config.settings", http.User.UserId(), "settings changed");
            return Results.Ok(settings);
        }).RequireNoImpersonation();
        group.MapGet("/settings/audit", async (HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IUserSettingsGrain>(http.User.UserId()).GetAuditTrail(100)));
        group.MapGet("/brokers", async (HttpContext http, IGrainFactory grains) => Results.Ok(await grains.GetGrain<IBrokerCredentialsGrain>(http.User.UserId()).List()));
        group.MapPost("/brokers", async (Body<AddBrokerRequest> body, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var r = body.Value;
            var userId = http.User.UserId();
            var info = await grains.GetGrain<IBrokerCredentialsGrain>(userId).Add(r.Broker, r.ApiKey, r.ApiSecret, r.Passphrase);
            var onboarding = grains.GetGrain<IOnboardingGrain>(userId);
            if ((await onboarding.GetStatus()).NextStep == OnboardingStep.BrokerConnected)
            {
                await onboarding.Advance(OnboardingStep.BrokerConnected);
            }

            await audit.RecordAsync("config.broker.added", userId, $"{info.Broker} key …{info.KeyHint} ({info.Id})");
            return Results.Created($"/api/v1/config/brokers/{info.Id}", info);
        }).RequireNoImpersonation();
        group.MapDelete("/brokers/{id}", async (string id, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            if (!await grains.GetGrain<IBrokerCredentialsGrain>(http.User.UserId()).Remove(id))
            {
                return Problems.NotFound("The broker key");
            }

            await audit.RecordAsync("config.broker.removed", http.User.UserId(), id);
            return Results.NoContent();
        }).RequireNoImpersonation();
        group.MapGet("/webhook", async (HttpContext http, IGrainFactory grains) =>
        {
            var id = await grains.GetGrain<IUserWebhookGrain>(http.User.UserId()).GetWebhookId();
            return Results.Ok(new
            {
                webhookId = id,
                url = id is null ? null : $"/api/v1/webhooks/tradingview/{id}",
                deliveries = id is null ? [] : await grains.GetGrain<IWebhookGrain>(id).Deliveries(50),
            });
        });
        group.MapPost("/webhook/rotate", async (HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var secret = await grains.GetGrain<IUserWebhookGrain>(http.User.UserId()).Rotate();
            await audit.RecordAsync("config.webhook.rotated", http.User.UserId(), $"new webhook id {secret.WebhookId[..6]}…");
            return Results.Ok(new { webhookId = secret.WebhookId, secret = secret.Secret, url = $"/api/v1/webhooks/tradingview/{secret.WebhookId}" });
        }).RequireNoImpersonation();
        return group;
    }
}
