using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Backtests;

/// <summary>Runs backtests (a stateless worker: any key, spread over local activations).</summary>
public interface IBacktestGrain : IGrainWithIntegerKey
{
    Task<BacktestReport> Run(BacktestRequest request);
}
