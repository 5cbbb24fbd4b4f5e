using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Serialization;

/// <summary>
/// Decides whether values of a type can be shared between grains without a copy: only when no one
/// can mutate them. A type qualifies when it is a known immutable type, is marked [Immutable], or is
/// sealed (or a struct) with only readonly fields of qualifying types (what a positional or
/// init-only record compiles to). Anything else is copied.
/// </summary>
internal sealed class ImmutabilityAnalyzer
{
    private static readonly HashSet<Type> Known =
    [
        typeof(string), typeof(decimal), typeof(Guid), typeof(DateTime), typeof(DateTimeOffset),
        typeof(TimeSpan), typeof(DateOnly), typeof(TimeOnly), typeof(Uri), typeof(Version), typeof(GrainId),
    ];

    private static readonly HashSet<Type> ImmutableCollections =
    [
        typeof(ImmutableArray<>), typeof(ImmutableList<>), typeof(ImmutableHashSet<>), typeof(ImmutableDictionary<,>),
        typeof(ImmutableSortedDictionary<,>), typeof(ImmutableSortedSet<>), typeof(ImmutableQueue<>), typeof(ImmutableStack<>),
    ];

    private readonly ConcurrentDictionary<Type, bool> _cache = new();

    public bool IsImmutable(Type type) => IsImmutable(type, []);

    private bool IsImmutable(Type type, HashSet<Type> visiting)
    {
        if (_cache.TryGetValue(type, out var known))
        {
            return known;
        }

        if (!visiting.Add(type))
        {
            return true; // a cycle: decided by the other members
        }

        var result = Decide(type, visiting);
        visiting.Remove(type);
        _cache[type] = result;
        return result;
    }

    private bool Decide(Type type, HashSet<Type> visiting)
    {
        if (type.IsPrimitive || type.IsEnum || Known.Contains(type))
        {
            return true;
        }

        if (type.IsInterface)
        {
            // A grain reference carries only an identity.
            return typeof(IGrain).IsAssignableFrom(type);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return IsImmutable(underlying, visiting);
        }

        if (type.IsGenericType && ImmutableCollections.Contains(type.GetGenericTypeDefinition()))
        {
            return type.GetGenericArguments().All(a => IsImmutable(a, visiting));
        }

        if (type.GetCustomAttribute<ImmutableAttribute>() is not null)
        {
            return true;
        }

        if (type.IsArray || type.IsAbstract || !(type.IsValueType || type.IsSealed))
        {
            return false;
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!f.IsInitOnly || !IsImmutable(f.FieldType, visiting))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
