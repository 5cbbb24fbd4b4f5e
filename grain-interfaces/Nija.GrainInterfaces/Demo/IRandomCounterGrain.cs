namespace Nija.GrainInterfaces.Demo;

/// <summary>A placed counter whose activation goes to a random active silo.</summary>
public interface IRandomCounterGrain : IPlacedCounterGrain;
