namespace Nija.Runtime.Abstractions.Concurrency;

/// <summary>
/// A stateless worker grain: the silo creates up to <see cref="MaxLocalWorkers"/> activations of
/// the same id and spreads calls over them. Always local; never persistent.
/// </summary>
/// <param name="maxLocalWorkers">The most activations per id; 0 means the processor count.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StatelessWorkerAttribute(int maxLocalWorkers = 0) : Attribute
{
    /// <summary>The most activations per grain id on one silo.</summary>
    public int MaxLocalWorkers { get; } = maxLocalWorkers > 0 ? maxLocalWorkers : Environment.ProcessorCount;
}
