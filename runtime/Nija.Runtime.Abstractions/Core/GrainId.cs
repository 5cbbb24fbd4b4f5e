using System.Globalization;

namespace Nija.Runtime.Abstractions.Core;

/// <summary>
/// The identity of a grain: its type name and its key, both as strings. A grain reference carries
/// only this, never an object pointer, so it can be stored in state and sent to other grains.
/// </summary>
/// <param name="Type">The grain type name (see <see cref="GrainTypeAttribute"/>).</param>
/// <param name="Key">The key in its canonical string form.</param>
public readonly record struct GrainId(string Type, string Key)
{
    /// <summary>Creates an id from a Guid key (canonical form "N").</summary>
    public static GrainId Create(string type, Guid key) => new(type, key.ToString("N"));

    /// <summary>Creates an id from an integer key (invariant culture).</summary>
    public static GrainId Create(string type, long key) => new(type, key.ToString(CultureInfo.InvariantCulture));

    /// <summary>The key read as a Guid; throws if the key is not one.</summary>
    public Guid GetGuidKey() => Guid.ParseExact(Key, "N");

    /// <summary>The key read as an integer; throws if the key is not one.</summary>
    public long GetIntegerKey() => long.Parse(Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => $"{Type}/{Key}";
}
