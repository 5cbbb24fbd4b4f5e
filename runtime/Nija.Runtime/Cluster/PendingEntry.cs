using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Sql;

namespace Nija.Runtime.Cluster;

/// <summary>A directory lookup (no location) or registration waiting for its batch's statement.</summary>
internal sealed class PendingEntry(string serviceId, GrainId grain, GrainLocation? location) : IBatchItem
{
    private readonly TaskCompletionSource<GrainLocation?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string ServiceId { get; } = serviceId;

    public GrainId Grain { get; } = grain;

    public GrainLocation? Location { get; } = location;

    public Task<GrainLocation?> Result => _result.Task;

    public void Complete(GrainLocation? location) => _result.TrySetResult(location);

    public void Fail(Exception error) => _result.TrySetException(error);
}
