using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Activation;

namespace Nija.Runtime.Cluster;

/// <summary>
/// After the view changes, deactivates the activations this silo no longer owns (they write their
/// state as they go), at most <see cref="ClusterOptions.RebalancePerSecond"/> a second so that a
/// join never storms the store; their next call activates them on the new owner. This is also what
/// ends a duplicate activation left from a membership change.
/// </summary>
internal sealed partial class Rebalancer(Catalog catalog, ClusterView view, TimeProvider time, IOptions<ClusterOptions> options, ILogger<Rebalancer> log)
    : IAsyncDisposable
{
    private int _disposed;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private Task _loop = Task.CompletedTask;
    private long _moved;

    /// <summary>Activations handed over so far.</summary>
    public long Moved => Interlocked.Read(ref _moved);

    public void Start()
    {
        view.Changed += _ => Wake();
        _loop = RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _wake.Dispose();
    }

    private void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    private async Task RunAsync()
    {
        var batch = Math.Max(1, options.Value.RebalancePerSecond / 10);
        var reason = new DeactivationReason(DeactivationReasonCode.Migrating, "The grain belongs to another silo after a membership change.");
        try
        {
            while (true)
            {
                await _wake.WaitAsync(_stop.Token);
                var moved = 0;
                foreach (var activation in catalog.All.Where(a => a.GrainClass.StatelessWorkerMax is null && !a.GrainClass.UsesDirectory && !view.IsLocal(a.GrainId)).ToList())
                {
                    if (view.IsLocal(activation.GrainId))
                    {
                        continue;
                    }

                    _ = activation.RequestDeactivation(reason);
                    moved++;
                    Interlocked.Increment(ref _moved);
                    if (moved % batch == 0)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(100), time, _stop.Token);
                    }
                }

                if (moved > 0)
                {
                    HandedOver(moved, view.Version);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handed over {Count} activations to their new owners (view {Version})")]
    private partial void HandedOver(int count, long version);
}
