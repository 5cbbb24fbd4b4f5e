using System.Collections.Immutable;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Reminders;

namespace Nija.GrainInterfaces.Bots;

/// <summary>
/// A user's trading bot (key: the user id): runs a strategy over the given pairs on their price
/// ticks; every signal becomes an order through the user's trading grain and its checks. A running
/// bot comes back after a silo restart (a reminder reactivates it).
/// </summary>
public interface IBotGrain : IRemindable, Nija.Runtime.Abstractions.Core.IGrainWithStringKey
{
    Task<BotStatus> Start(string strategy, ImmutableArray<string> pairs);

    Task<BotStatus> Pause();

    Task<BotStatus> Stop();

    [ReadOnly]
    Task<BotStatus> Status();
}
