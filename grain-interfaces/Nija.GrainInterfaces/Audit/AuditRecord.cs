namespace Nija.GrainInterfaces.Audit;

/// <summary>Who did what, to what, when, from where, under which correlation id. Never a secret.</summary>
public sealed record AuditRecord(
    DateTimeOffset At,
    string? ActorUserId,
    string Action,
    string? TargetUserId,
    string Detail,
    string? IpAddress,
    string? CorrelationId);

/// <summary>Filters for reading the audit log; null means any.</summary>
public sealed record AuditQuery(string? UserId = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Skip = 0, int Take = 50);
