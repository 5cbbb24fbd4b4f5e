namespace Nija.Runtime.Cluster;

/// <summary>One row of the membership table.</summary>
/// <param name="Silo">The silo incarnation.</param>
/// <param name="HostName">The machine or pod name, for people.</param>
/// <param name="Status">Its status.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="HeartbeatAt">When it last wrote that it is alive.</param>
/// <param name="Suspicions">Votes that it is dead: who suspected it, and when.</param>
/// <param name="Etag">The row version; every update names the version it read (optimistic concurrency).</param>
public sealed record MembershipEntry(
    SiloAddress Silo,
    string HostName,
    SiloStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    IReadOnlyList<Suspicion> Suspicions,
    long Etag)
{
    /// <summary>The silo's activation count at its last heartbeat (what activation-count placement compares).</summary>
    public int Activations { get; init; }
}

/// <summary>A vote that a silo is dead.</summary>
/// <param name="By">The silo that could not reach it.</param>
/// <param name="At">When it voted.</param>
public sealed record Suspicion(SiloAddress By, DateTimeOffset At);
