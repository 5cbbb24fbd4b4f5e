using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Tests.Invalid;

public interface IDelegateGrain : IGrainWithStringKey
{
    Task Run(Func<int> callback);
}

public sealed class DelegateGrain : Grain, IDelegateGrain
{
    Task IDelegateGrain.Run(Func<int> callback) => Task.CompletedTask;
}

public interface IStreamReturningGrain : IGrainWithStringKey
{
    Task<Stream> Open();
}

public sealed class StreamReturningGrain : Grain, IStreamReturningGrain
{
    Task<Stream> IStreamReturningGrain.Open() => Task.FromResult<Stream>(new MemoryStream());
}

public interface ISyncGrain : IGrainWithStringKey
{
    int Now();
}

public sealed class SyncGrain : Grain, ISyncGrain
{
    int ISyncGrain.Now() => 1;
}

public sealed record ImmutableOnlyState(int Value);

public interface IRecordStateGrain : IGrainWithStringKey
{
    Task<int> Get();
}

public sealed class RecordStateGrain([Nija.Runtime.Abstractions.Persistence.PersistentState("s")] Nija.Runtime.Abstractions.Persistence.IPersistentState<ImmutableOnlyState> state) : Grain, IRecordStateGrain
{
    Task<int> IRecordStateGrain.Get() => Task.FromResult(state.State.Value);
}
