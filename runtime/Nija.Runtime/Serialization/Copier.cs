using System.Collections.Concurrent;

namespace Nija.Runtime.Serialization;

/// <summary>
/// Gives each argument and result type its copier, so that two grains never share a mutable
/// object: immutable types pass as they are (no copier), everything else is deep-copied through
/// the serializer (a round trip), which is also what a call to another silo would do.
/// </summary>
internal sealed class Copier(RuntimeSerializer serializer)
{
    private readonly ImmutabilityAnalyzer _analyzer = new();
    private readonly ConcurrentDictionary<Type, Func<object?, object?>?> _copiers = new();

    public bool IsImmutable(Type type) => _analyzer.IsImmutable(type);

    /// <summary>A copier for values of <paramref name="type"/>, or null when none is needed.</summary>
    public Func<object?, object?>? For(Type type) =>
        _copiers.GetOrAdd(type, t => _analyzer.IsImmutable(t)
            ? null
            : value => value is null ? null : serializer.Deserialize(serializer.Serialize(value, t), t));
}
