using Microsoft.Extensions.Options;

namespace Nija.Runtime.Hosting;

/// <summary>Silo settings, bound from the <c>Nija:Silo</c> configuration section and validated at start-up.</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Nija:Silo";

    /// <summary>Names the deployment; part of every storage key and reminder, so several can share a database.</summary>
    public string ServiceId { get; set; } = "nija";

    /// <summary>How long a caller waits for a response unless the method says otherwise.</summary>
    public TimeSpan DefaultResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a grain may stay idle before it is deactivated, unless its type says otherwise.</summary>
    public TimeSpan DefaultCollectionAgeLimit { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Per grain type name: an idle limit that overrides the attribute and the default.</summary>
    public Dictionary<string, TimeSpan> CollectionAgeLimits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often the collector looks for idle activations.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long OnDeactivateAsync may take before its token is cancelled.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long shutdown waits for every grain to deactivate.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The shortest reminder period allowed (a minute by default; tests shorten it).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = Abstractions.Reminders.IReminderRegistry.MinimumPeriod;

    /// <summary>In a cluster: how often a silo re-reads the reminders of the hash ranges it owns.</summary>
    public TimeSpan ReminderRefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Per stream subscriber: items queued before new ones are dropped for that subscriber.</summary>
    public int StreamQueueCapacity { get; set; } = 10_000;
}

/// <summary>Rejects settings the silo cannot run with, naming the setting.</summary>
public sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServiceId) || options.ServiceId.Length > 100)
        {
            errors.Add($"{SiloOptions.Section}:ServiceId must be 1 to 100 characters.");
        }

        Positive(options.DefaultResponseTimeout, nameof(options.DefaultResponseTimeout), errors);
        Positive(options.DefaultCollectionAgeLimit, nameof(options.DefaultCollectionAgeLimit), errors);
        Positive(options.CollectionQuantum, nameof(options.CollectionQuantum), errors);
        Positive(options.DeactivationTimeout, nameof(options.DeactivationTimeout), errors);
        Positive(options.ShutdownTimeout, nameof(options.ShutdownTimeout), errors);
        Positive(options.MinimumReminderPeriod, nameof(options.MinimumReminderPeriod), errors);
        Positive(options.ReminderRefreshPeriod, nameof(options.ReminderRefreshPeriod), errors);
        foreach (var (type, limit) in options.CollectionAgeLimits)
        {
            Positive(limit, $"{nameof(options.CollectionAgeLimits)}:{type}", errors);
        }

        if (options.StreamQueueCapacity < 1)
        {
            errors.Add($"{SiloOptions.Section}:StreamQueueCapacity must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(TimeSpan value, string setting, List<string> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{SiloOptions.Section}:{setting} must be greater than zero (was {value}).");
        }
    }
}
