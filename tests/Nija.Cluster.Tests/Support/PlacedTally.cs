using System.Collections.Concurrent;
using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Cluster.Tests.Support;

/// <summary>
/// Adds 1 to placed counters from several workers and tallies, per counter, the adds acknowledged
/// and those whose outcome is unknown (the silo went away after the call was sent: it may have run).
/// </summary>
public sealed class PlacedTally(IGrainFactory grains, IReadOnlyList<string> keys)
{
    private readonly ConcurrentDictionary<string, (int Acked, int Unsure)> _counts = new();
    private int _acknowledged;

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public (int Acked, int Unsure) For(string key) => _counts.GetValueOrDefault(key);

    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w, workers, stop), CancellationToken.None)));

    public async Task AcknowledgedAsync(int atLeast, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Acknowledged < atLeast)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {Acknowledged} adds acknowledged within {timeout}.");
            await Task.Delay(50);
        }
    }

    private async Task WorkAsync(int worker, int workers, CancellationToken stop)
    {
        for (var i = worker; !stop.IsCancellationRequested; i += workers)
        {
            var key = keys[i % keys.Count];
            try
            {
                await grains.GetGrain<IRandomCounterGrain>(key).Add(1);
                _counts.AddOrUpdate(key, (1, 0), static (_, c) => (c.Acked + 1, c.Unsure));
                Interlocked.Increment(ref _acknowledged);
            }
            catch (Exception e) when (e is SiloUnavailableException or TimeoutException)
            {
                _counts.AddOrUpdate(key, (0, 1), static (_, c) => (c.Acked, c.Unsure + 1));
            }
        }
    }
}
