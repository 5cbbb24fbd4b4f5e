using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Grains;

public interface ISequenceGrain : IGrainWithStringKey
{
    Task Append(int n);

    Task<IReadOnlyList<int>> Read();
}

public sealed class SequenceGrain(Probe probe) : Grain, ISequenceGrain
{
    private readonly List<int> _seen = [];

    async Task ISequenceGrain.Append(int n)
    {
        probe.Enter(GrainId.ToString());
        await Task.Yield(); // an await inside the turn: another call may only start after this one ends
        _seen.Add(n);
        probe.Exit(GrainId.ToString());
    }

    Task<IReadOnlyList<int>> ISequenceGrain.Read() => Task.FromResult<IReadOnlyList<int>>([.. _seen]);
}
