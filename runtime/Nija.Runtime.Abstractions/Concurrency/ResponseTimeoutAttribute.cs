namespace Nija.Runtime.Abstractions.Concurrency;

/// <summary>On a grain interface method: overrides the silo's default response timeout (30 s) for it.</summary>
/// <param name="timeout">A TimeSpan string such as "00:00:05".</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ResponseTimeoutAttribute(string timeout) : Attribute
{
    /// <summary>The timeout.</summary>
    public TimeSpan Timeout { get; } = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture);
}
