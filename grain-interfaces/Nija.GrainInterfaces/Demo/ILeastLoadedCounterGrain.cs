namespace Nija.GrainInterfaces.Demo;

/// <summary>A placed counter whose activation goes to the less loaded of two random silos.</summary>
public interface ILeastLoadedCounterGrain : IPlacedCounterGrain;
