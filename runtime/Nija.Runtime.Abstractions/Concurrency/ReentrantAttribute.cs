namespace Nija.Runtime.Abstractions.Concurrency;

/// <summary>
/// Lets calls to this grain interleave at await points: the grain still runs one turn at a time,
/// but a call may start while another waits. No call cycle can deadlock such a grain.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
