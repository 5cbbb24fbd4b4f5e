using System.Collections.Concurrent;
using System.Collections.Immutable;
using Nija.GrainInterfaces.Risk;

namespace Nija.Grains.Risk;

/// <summary>
/// The silo's side of exposure aggregation: trading grains record their positions here (a
/// dictionary write, no grain call), and a timer sends the changes since the last batch to the
/// global risk grain once a second. The latest entry per (user, broker, symbol) wins. The reporter
/// also keeps the latest non-zero entry of everything this silo holds, so that a periodic full
/// report rebuilds the global view after the global grain restarts (it keeps exposure in memory).
/// </summary>
public sealed class ExposureReporter
{
    private readonly ConcurrentDictionary<(string, string, string), ExposureEntry> _latest = new();
    private ConcurrentDictionary<(string, string, string), ExposureEntry> _pending = new();

    public void Record(ExposureEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = (entry.UserId, entry.Broker, entry.Symbol);
        _pending[key] = entry;
        if (entry.Notional == 0)
        {
            _latest.TryRemove(key, out _);
        }
        else
        {
            _latest[key] = entry;
        }
    }

    /// <summary>Everything this silo holds now (for the periodic full report).</summary>
    public ImmutableArray<ExposureEntry> Snapshot() => [.. _latest.Values];

    /// <summary>Puts back a batch that could not be sent, without overwriting anything newer.</summary>
    public void Restore(IEnumerable<ExposureEntry> batch)
    {
        foreach (var e in batch ?? [])
        {
            _pending.TryAdd((e.UserId, e.Broker, e.Symbol), e);
        }
    }

    /// <summary>Takes the changes recorded since the last call.</summary>
    public ImmutableArray<ExposureEntry> TakeBatch()
    {
        var taken = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<(string, string, string), ExposureEntry>());
        return [.. taken.Values];
    }
}
