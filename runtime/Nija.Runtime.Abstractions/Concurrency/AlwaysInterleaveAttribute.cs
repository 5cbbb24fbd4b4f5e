namespace Nija.Runtime.Abstractions.Concurrency;

/// <summary>On a grain interface method: the call may interleave with any other call, even on a non-reentrant grain.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
