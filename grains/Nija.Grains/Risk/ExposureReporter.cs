using System.Collections.Concurrent;
using System.Collections.Immutable;
using Nija.GrainInterfaces.Risk;

namespace Nija.Grains.Risk;

/// <summary>
/// The silo's side of exposure aggregation: trading grains record their positions here (a
/// dictionary write, no grain call), and a timer sends the changes since the last batch to the
/// global risk grain once a second. The latest entry per (user, broker, symbol) wins.
/// </summary>
public sealed class ExposureReporter
{
    private ConcurrentDictionary<(string, string, string), ExposureEntry> _pending = new();

    public void Record(ExposureEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _pending[(entry.UserId, entry.Broker, entry.Symbol)] = entry;
    }

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
