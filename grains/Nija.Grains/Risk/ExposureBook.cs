using System.Collections.Immutable;
using Nija.GrainInterfaces.Risk;

namespace Nija.Grains.Risk;

/// <summary>The global risk grain's view of exposure: the latest notional per (user, broker, symbol).</summary>
public sealed class ExposureBook
{
    public Dictionary<string, ExposureEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    public long Version { get; set; }

    public void Apply(IEnumerable<ExposureEntry> changes)
    {
        foreach (var e in changes)
        {
            var key = $"{e.UserId}\u001f{e.Broker}\u001f{e.Symbol}";
            if (Entries.TryGetValue(key, out var known) && known.At > e.At)
            {
                continue; // a late batch from a silo the user has since left
            }

            if (e.Notional == 0)
            {
                Entries.Remove(key);
            }
            else
            {
                Entries[key] = e;
            }
        }

        Version++;
    }

    public ExposureSummary Summary(int topUsers) => new(
        Entries.Values.Sum(e => e.Notional),
        Entries.Values.GroupBy(e => e.Symbol).ToImmutableDictionary(g => g.Key, g => g.Sum(e => e.Notional)),
        Entries.Values.GroupBy(e => e.Broker).ToImmutableDictionary(g => g.Key, g => g.Sum(e => e.Notional)),
        [.. Entries.Values.GroupBy(e => e.UserId).Select(g => new UserExposure(g.Key, g.Sum(e => e.Notional)))
            .OrderByDescending(u => u.Notional).ThenBy(u => u.UserId, StringComparer.Ordinal).Take(Math.Clamp(topUsers, 0, 1_000))],
        Version);
}
