using Nija.Api.Audit;
using Nija.Api.Common;
using Nija.GrainInterfaces.Auth;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Auth;

/// <summary>/api/v1/auth/api-keys: personal API keys, shown once, scoped read or trade, revocable. Only a signed-in session manages them.</summary>
internal static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder group)
    {
        var keys = group.MapGroup("/api-keys").RequireAuthorization(p => p.AddAuthenticationSchemes(AuthSchemes.Bearer).RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.ActorId() is null));
        keys.MapGet("/", async (HttpContext http, IGrainFactory grains) => Results.Ok(await grains.GetGrain<IUserSecurityGrain>(http.User.UserId()).ListApiKeys()));
        keys.MapPost("/", async (Body<CreateApiKeyRequest> body, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var created = await grains.GetGrain<IUserSecurityGrain>(http.User.UserId()).CreateApiKey(body.Value.Name, body.Value.Scope);
            await audit.RecordAsync("auth.apikey.created", http.User.UserId(), $"API key {created.Info.Id} ({created.Info.Scope})");
            return Results.Created($"/api/v1/auth/api-keys/{created.Info.Id}", new { key = created.Key, info = created.Info });
        });
        keys.MapDelete("/{id}", async (string id, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            if (!await grains.GetGrain<IUserSecurityGrain>(http.User.UserId()).RevokeApiKey(id))
            {
                return Problems.NotFound("The API key");
            }

            await audit.RecordAsync("auth.apikey.revoked", http.User.UserId(), $"API key {id}");
            return Results.NoContent();
        });
        return group;
    }
}
