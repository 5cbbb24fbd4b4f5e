namespace Nija.Runtime.Abstractions.Concurrency;

/// <summary>
/// On a grain interface method returning Task or ValueTask: the caller does not wait for the call
/// to run; its task completes once the call is queued. Errors are logged, never returned.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;
