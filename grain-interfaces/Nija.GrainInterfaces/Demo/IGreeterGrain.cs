using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Demo;

/// <summary>
/// The demo grain the API serves until the trading grains land: one per visitor name, it counts
/// greetings in persistent state.
/// </summary>
public interface IGreeterGrain : IGrainWithStringKey
{
    /// <summary>Greets, counting the greeting durably.</summary>
    Task<Greeting> Greet(string from);

    /// <summary>The greetings so far.</summary>
    [ReadOnly]
    Task<Greeting> Last();
}
