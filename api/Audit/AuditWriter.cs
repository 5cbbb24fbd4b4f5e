using System.Security.Claims;
using Nija.Api.Auth;
using Nija.Api.Telemetry;
using Nija.GrainInterfaces.Audit;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Audit;

/// <summary>Writes audit entries with who (and any impersonating admin), from which address, under which correlation id.</summary>
internal sealed class AuditWriter(IGrainFactory grains, AuditQueue queue, IHttpContextAccessor http, TimeProvider time)
{
    /// <summary>Writes the entry before returning: sign-ins, key changes, admin actions, kill switches.</summary>
    public Task RecordAsync(string action, string? targetUserId, string detail, string? actorUserId = null) =>
        grains.GetGrain<IAuditGrain>(0).Record(Entry(action, targetUserId, detail, actorUserId));

    /// <summary>Queues the entry for the background writer: orders, whose own record is already durable in the trading grain.</summary>
    public ValueTask QueueAsync(string action, string? targetUserId, string detail, string? actorUserId = null) =>
        queue.EnqueueAsync(Entry(action, targetUserId, detail, actorUserId));

    private AuditRecord Entry(string action, string? targetUserId, string detail, string? actorUserId)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var actor = actorUserId ?? (user?.Identity?.IsAuthenticated == true ? user.ActorId() ?? user.FindFirstValue(NijaClaims.Subject) : null);
        return new AuditRecord(time.GetUtcNow(), actor, action, targetUserId, detail, context?.Connection.RemoteIpAddress?.ToString(), context is null ? null : CorrelationId.Of(context));
    }
}
