namespace Nija.GrainInterfaces.Demo;

/// <summary>Which placed counter to call.</summary>
public enum CounterPlacement
{
    /// <summary><see cref="IRandomCounterGrain"/>.</summary>
    Random,

    /// <summary><see cref="IPreferLocalCounterGrain"/>.</summary>
    PreferLocal,

    /// <summary><see cref="ILeastLoadedCounterGrain"/>.</summary>
    ActivationCount,
}
