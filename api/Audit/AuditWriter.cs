using System.Security.Claims;
using Nija.Api.Auth;
using Nija.Api.Telemetry;
using Nija.GrainInterfaces.Audit;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Audit;

/// <summary>Writes audit entries with who (and any impersonating admin), from which address, under which correlation id.</summary>
internal sealed class AuditWriter(IGrainFactory grains, IHttpContextAccessor http, TimeProvider time)
{
    public Task RecordAsync(string action, string? targetUserId, string detail, string? actorUserId = null)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var actor = actorUserId ?? (user?.Identity?.IsAuthenticated == true ? user.ActorId() ?? user.FindFirstValue(NijaClaims.Subject) : null);
        return grains.GetGrain<IAuditGrain>(0).Record(new AuditRecord(
            time.GetUtcNow(), actor, action, targetUserId, detail, context?.Connection.RemoteIpAddress?.ToString(), context is null ? null : CorrelationId.Of(context)));
    }
}
