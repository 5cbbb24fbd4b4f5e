namespace Nija.GrainInterfaces.Demo;

/// <summary>A placed counter whose activation goes to the silo that first calls it.</summary>
public interface IPreferLocalCounterGrain : IPlacedCounterGrain;
