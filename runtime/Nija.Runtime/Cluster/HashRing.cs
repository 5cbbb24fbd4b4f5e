using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Reminders;

namespace Nija.Runtime.Cluster;

/// <summary>
/// A consistent-hash ring of the active silos: each silo holds <see cref="PointsPerSilo"/> points
/// (hashes of its endpoint), and a grain belongs to the silo of the first point at or after the
/// grain's hash. Every silo with the same view computes the same owner, with no lookup; a join or a
/// death moves only the ranges next to that silo's points.
/// </summary>
public sealed class HashRing
{
    /// <summary>Virtual points per silo: enough to spread grains within a few percent.</summary>
    public const int PointsPerSilo = 64;

    private readonly uint[] _points;
    private readonly SiloAddress[] _owners;

    /// <summary>Builds the ring of <paramref name="silos"/>.</summary>
    public HashRing(IReadOnlyList<SiloAddress> silos)
    {
        ArgumentNullException.ThrowIfNull(silos);
        var points = new List<(uint Point, SiloAddress Silo)>(silos.Count * PointsPerSilo);
        foreach (var silo in silos)
        {
            for (var i = 0; i < PointsPerSilo; i++)
            {
                points.Add((Fnv($"{silo.Endpoint}#{i}"), silo));
            }
        }

        points.Sort((a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : string.CompareOrdinal(a.Silo.Endpoint, b.Silo.Endpoint));
        _points = [.. points.Select(p => p.Point)];
        _owners = [.. points.Select(p => p.Silo)];
        Silos = silos;
    }

    /// <summary>The silos on the ring.</summary>
    public IReadOnlyList<SiloAddress> Silos { get; }

    /// <summary>The silo owning <paramref name="hash"/>, or null on an empty ring.</summary>
    public SiloAddress? OwnerOf(uint hash)
    {
        if (_points.Length == 0)
        {
            return null;
        }

        var i = Array.BinarySearch(_points, hash);
        if (i < 0)
        {
            i = ~i;
        }

        return _owners[i == _points.Length ? 0 : i];
    }

    /// <summary>The silo owning <paramref name="grain"/>.</summary>
    public SiloAddress? OwnerOf(GrainId grain) => OwnerOf(StableHash.Of(grain));

    /// <summary>The hash ranges (inclusive, never wrapping) that <paramref name="silo"/> owns.</summary>
    public IReadOnlyList<(uint Begin, uint End)> RangesOf(SiloAddress silo)
    {
        var ranges = new List<(uint, uint)>();
        for (var i = 0; i < _points.Length; i++)
        {
            if (_owners[i] != silo)
            {
                continue;
            }

            if (i == 0)
            {
                // The first point also owns the wrap-around: everything after the last point.
                ranges.Add((0, _points[0]));
                if (_points[^1] != uint.MaxValue)
                {
                    ranges.Add((_points[^1] + 1, uint.MaxValue));
                }
            }
            else if (_points[i] != _points[i - 1])
            {
                ranges.Add((_points[i - 1] + 1, _points[i]));
            }
        }

        return ranges;
    }

    private static uint Fnv(string text)
    {
        var hash = StableHash.Of(text);

        // FNV-1a spreads short similar strings poorly in the high bits; a final avalanche evens the ring.
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return hash;
    }
}
