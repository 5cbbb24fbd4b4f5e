using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Tests.Grains;

public interface ICycleGrain : IGrainWithStringKey
{
    Task<string> Ping();

    Task<string> CallOther(ICycleGrain other);

    Task<string> CallBack(ICycleGrain origin);
}

public sealed class CycleGrain : Grain, ICycleGrain
{
    Task<string> ICycleGrain.Ping() => Task.FromResult($"pong from {GrainId}");

    Task<string> ICycleGrain.CallOther(ICycleGrain other) => other.CallBack(AsReference<ICycleGrain>());

    Task<string> ICycleGrain.CallBack(ICycleGrain origin) => origin.Ping();
}

public interface IReentrantCycleGrain : IGrainWithStringKey
{
    Task<string> Ping();

    Task<string> CallOther(IReentrantCycleGrain other);

    Task<string> CallBack(IReentrantCycleGrain origin);
}

[Reentrant]
public sealed class ReentrantCycleGrain : Grain, IReentrantCycleGrain
{
    Task<string> IReentrantCycleGrain.Ping() => Task.FromResult($"pong from {GrainId}");

    Task<string> IReentrantCycleGrain.CallOther(IReentrantCycleGrain other) => other.CallBack(AsReference<IReentrantCycleGrain>());

    Task<string> IReentrantCycleGrain.CallBack(IReentrantCycleGrain origin) => origin.Ping();
}
