namespace Nija.GrainInterfaces.Risk;

/// <summary>One tenant's notional in one symbol on one broker, as of <see cref="At"/>; zero when flat.</summary>
public sealed record ExposureEntry(string UserId, string Broker, string Symbol, decimal Notional, DateTimeOffset At);
