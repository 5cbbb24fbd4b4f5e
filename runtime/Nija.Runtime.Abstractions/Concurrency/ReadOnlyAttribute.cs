namespace Nija.Runtime.Abstractions.Concurrency;

/// <summary>
/// On a grain interface method: the call does not change state, so it may interleave with other
/// read-only calls (and only with them).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;
