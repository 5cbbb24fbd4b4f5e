namespace Nija.Runtime.Abstractions.Concurrency;

/// <summary>On a grain class: how long it may stay idle before it is deactivated (default 15 minutes).</summary>
/// <param name="minutes">The idle time in minutes.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CollectionAgeLimitAttribute(double minutes) : Attribute
{
    /// <summary>The age limit.</summary>
    public TimeSpan AgeLimit { get; } = TimeSpan.FromMinutes(minutes);
}
