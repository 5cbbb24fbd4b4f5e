namespace Nija.GrainInterfaces.Settings;

/// <summary>One audited change: who changed which field from what to what.</summary>
public sealed record AuditEntry(string Field, string? OldValue, string? NewValue, string ChangedBy, DateTimeOffset At);
