namespace Nija.GrainInterfaces.Risk;

/// <summary>A kill switch's setting. The version rises with every change, so a cached copy can tell it is stale.</summary>
public sealed record KillSwitchState(KillSwitchLevel Level, long Version, string? Reason, string? ChangedBy, DateTimeOffset? ChangedAt)
{
    /// <summary>The switch before anyone touched it.</summary>
    public static KillSwitchState Initial { get; } = new(KillSwitchLevel.Off, 0, null, null, null);
}
