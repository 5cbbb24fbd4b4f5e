using Microsoft.Extensions.Options;

namespace Nija.Grains.History;

/// <summary>
/// Nija:History: when a tenant's fills, order updates and equity points reach the history tables.
/// They are durable from the moment their order is saved (they travel in the trading state's
/// outbox), so appending them can wait: a tenant's records from several orders then share one
/// append, which touches each of the tables' per-tenant index pages once instead of once per
/// order. Reads of a tenant's own history append what is waiting first, so no reader sees a gap;
/// trades and risk events, which operators read across tenants, are always appended at once.
/// </summary>
public sealed class HistoryOptions
{
    public const string Section = "Nija:History";

    /// <summary>How long a tenant's records may wait in the outbox; zero appends with every save.</summary>
    public TimeSpan AppendDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many records may wait before they are appended whatever the delay (bounds the state's size).</summary>
    public int MaxWaitingRecords { get; set; } = 60;
}

public sealed class HistoryOptionsValidator : IValidateOptions<HistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, HistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.AppendDelay < TimeSpan.Zero || options.AppendDelay > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{HistoryOptions.Section}:AppendDelay must be between 00:00:00 and 00:01:00.");
        }

        if (options.MaxWaitingRecords is < 1 or > 1_000)
        {
            errors.Add($"{HistoryOptions.Section}:MaxWaitingRecords must be between 1 and 1000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
