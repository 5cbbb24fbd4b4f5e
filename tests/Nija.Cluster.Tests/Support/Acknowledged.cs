using System.Diagnostics;
using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Cluster.Tests.Support;

/// <summary>
/// A client that increments counters the way a careful caller would: an increment whose outcome it
/// did not hear (silo died, timeout, stale write) is sent again with the same operation id until it
/// is acknowledged, and every call's duration is recorded so tests can check none hung.
/// </summary>
public sealed class Acknowledged(IGrainFactory grains)
{
    private readonly Dictionary<string, long> _acked = [];
    private readonly Lock _lock = new();
    private readonly List<(long Total, TaskCompletionSource Reached)> _waiters = [];
    private long _total;
    private long _failedAttempts;
    private long _longestCallTicks;

    /// <summary>Per counter: the sum of acknowledged increments.</summary>
    public IReadOnlyDictionary<string, long> Expected
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, long>(_acked);
            }
        }
    }

    /// <summary>Completes once <paramref name="more"/> further increments have been acknowledged: load observed, not time slept.</summary>
    public Task AcknowledgedAsync(long more, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiters.Add((_total + more, reached));
        }

        return reached.Task.WaitAsync(timeout);
    }

    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    public TimeSpan LongestCall => TimeSpan.FromTicks(Interlocked.Read(ref _longestCallTicks));

    public async Task AddAsync(string counter, long delta, TimeSpan giveUpAfter)
    {
        var operation = Guid.NewGuid().ToString("N");
        var started = Stopwatch.StartNew();
        while (true)
        {
            var call = Stopwatch.StartNew();
            try
            {
                await grains.GetGrain<ICounterGrain>(counter).Add(operation, delta);
                Record(call.Elapsed);
                lock (_lock)
                {
                    _acked[counter] = _acked.GetValueOrDefault(counter) + delta;
                    _total++;
                    foreach (var waiter in _waiters.Where(w => _total >= w.Total).ToList())
                    {
                        waiter.Reached.TrySetResult();
                        _waiters.Remove(waiter);
                    }
                }

                return;
            }
            catch (Exception e) when (e is SiloUnavailableException or TimeoutException or InconsistentStateException or RemoteGrainException)
            {
                Record(call.Elapsed);
                Interlocked.Increment(ref _failedAttempts);
                if (started.Elapsed > giveUpAfter)
                {
                    throw new TimeoutException($"Increment {operation} of {counter} was not acknowledged within {giveUpAfter}.", e);
                }

                await Task.Delay(50);
            }
        }
    }

    private void Record(TimeSpan elapsed)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _longestCallTicks);
        }
        while (elapsed.Ticks > seen && Interlocked.CompareExchange(ref _longestCallTicks, elapsed.Ticks, seen) != seen);
    }

    /// <summary>Keeps <paramref name="workers"/> callers incrementing <paramref name="counters"/> until <paramref name="stop"/> fires.</summary>
    public Task RunLoadAsync(IReadOnlyList<string> counters, int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var i = w;
            while (!stop.IsCancellationRequested)
            {
                await AddAsync(counters[i++ % counters.Count], 1, TimeSpan.FromSeconds(60));
            }
        })));
}
