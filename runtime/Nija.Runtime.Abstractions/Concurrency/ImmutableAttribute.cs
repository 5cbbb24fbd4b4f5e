namespace Nija.Runtime.Abstractions.Concurrency;

/// <summary>
/// Promises that instances of the type are never mutated after they are sent, so the runtime passes
/// them between grains without copying. Sealed records whose members are all immutable are
/// recognised without this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class ImmutableAttribute : Attribute;
