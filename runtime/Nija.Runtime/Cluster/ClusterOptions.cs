using Microsoft.Extensions.Options;

namespace Nija.Runtime.Cluster;

/// <summary>How this process takes part in a cluster, bound from <c>Nija:Cluster</c> and validated at start-up.</summary>
public sealed class ClusterOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Nija:Cluster";

    /// <summary>Off: one silo owns every grain (the embedded default). On: grains are spread over the cluster's silos.</summary>
    public bool Enabled { get; set; }

    /// <summary>Silo (joins, owns grains) or Client (calls grains on the silos, owns none).</summary>
    public ClusterRole Role { get; set; } = ClusterRole.Silo;

    /// <summary>The address other silos and clients reach this silo at.</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>The address the silo listens on.</summary>
    public string ListenHost { get; set; } = "0.0.0.0";

    /// <summary>The silo-to-silo port (0 picks a free one; tests use that).</summary>
    public int Port { get; set; } = 11111;

    /// <summary>How often each silo probes the silos it watches.</summary>
    public TimeSpan ProbePeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a probe waits for its answer.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes in a row before a silo votes that the other is dead.</summary>
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>How many silos each silo watches (its successors in address order).</summary>
    public int ProbedSilos { get; set; } = 3;

    /// <summary>Votes needed to declare a silo dead (fewer when fewer live silos can vote).</summary>
    public int VotesForDeath { get; set; } = 2;

    /// <summary>Votes older than this no longer count.</summary>
    public TimeSpan VoteExpiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a silo writes its heartbeat.</summary>
    public TimeSpan HeartbeatPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A silo whose heartbeat is older than this is not counted as a voter, and one vote declares it dead.</summary>
    public TimeSpan HeartbeatStaleAfter { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often the membership table is read (changes are also pushed between silos).</summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After a membership change: activations moved to their new owner per second, at most.</summary>
    public int RebalancePerSecond { get; set; } = 500;

    /// <summary>
    /// How long a grain's first activation on its new owner waits for the shutting-down silo that owned it
    /// to finish deactivating it (and writing its state); should cover that silo's shutdown.
    /// </summary>
    public TimeSpan HandOffTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls queued per connection before callers wait (backpressure).</summary>
    public int SendQueueCapacity { get; set; } = 10_000;

    /// <summary>How long a connection attempt to a silo may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>What this process is in the cluster.</summary>
public enum ClusterRole
{
    /// <summary>A member that hosts grains.</summary>
    Silo,

    /// <summary>A caller only (an API node): gateway connections to every silo, no grains.</summary>
    Client,
}

/// <summary>Rejects settings a cluster cannot run with, naming the setting.</summary>
public sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AdvertisedHost))
        {
            errors.Add($"{ClusterOptions.Section}:AdvertisedHost is required.");
        }

        if (options.Port is < 0 or > 65535)
        {
            errors.Add($"{ClusterOptions.Section}:Port must be between 0 and 65535 (was {options.Port}).");
        }

        Positive(options.ProbePeriod, nameof(options.ProbePeriod), errors);
        Positive(options.ProbeTimeout, nameof(options.ProbeTimeout), errors);
        Positive(options.VoteExpiry, nameof(options.VoteExpiry), errors);
        Positive(options.HeartbeatPeriod, nameof(options.HeartbeatPeriod), errors);
        Positive(options.RefreshPeriod, nameof(options.RefreshPeriod), errors);
        Positive(options.ConnectTimeout, nameof(options.ConnectTimeout), errors);
        Positive(options.HandOffTimeout, nameof(options.HandOffTimeout), errors);
        if (options.HeartbeatStaleAfter <= options.HeartbeatPeriod * 2)
        {
            errors.Add($"{ClusterOptions.Section}:HeartbeatStaleAfter must be more than twice HeartbeatPeriod.");
        }

        AtLeast(options.MissedProbesLimit, 1, nameof(options.MissedProbesLimit), errors);
        AtLeast(options.ProbedSilos, 1, nameof(options.ProbedSilos), errors);
        AtLeast(options.VotesForDeath, 1, nameof(options.VotesForDeath), errors);
        AtLeast(options.RebalancePerSecond, 1, nameof(options.RebalancePerSecond), errors);
        AtLeast(options.SendQueueCapacity, 16, nameof(options.SendQueueCapacity), errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(TimeSpan value, string setting, List<string> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{ClusterOptions.Section}:{setting} must be greater than zero (was {value}).");
        }
    }

    private static void AtLeast(int value, int min, string setting, List<string> errors)
    {
        if (value < min)
        {
            errors.Add($"{ClusterOptions.Section}:{setting} must be at least {min} (was {value}).");
        }
    }
}
