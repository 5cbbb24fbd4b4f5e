using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Cluster;

namespace Nija.Cluster.Tests.Support;

/// <summary>Three silos and a client shared by the placement tests, with a randomly placed counter known on each silo to call from.</summary>
public sealed class PlacementCluster : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new("placement");

    /// <summary>The key of a random counter living on each silo, by silo address.</summary>
    public Dictionary<string, string> RelayKeyOn { get; } = [];

    /// <summary>A random counter living on each silo, by silo address.</summary>
    public Dictionary<string, IRandomCounterGrain> RelayOn => RelayKeyOn.ToDictionary(kv => kv.Key, kv => Cluster.Grains.GetGrain<IRandomCounterGrain>(kv.Value));

    /// <summary>Where the first 30 random counters were placed, by key.</summary>
    public Dictionary<string, CounterSnapshot> FirstPlaced { get; } = [];

    public async Task InitializeAsync()
    {
        await Cluster.StartSilosAsync(3);
        await Cluster.StartClientAsync();
        for (var i = 0; RelayKeyOn.Count < 3 || i < 30; i++)
        {
            var grain = Cluster.Grains.GetGrain<IRandomCounterGrain>($"r{i}");
            var placed = await grain.Add(1);
            FirstPlaced[$"r{i}"] = placed;
            RelayKeyOn.TryAdd(placed.Silo, $"r{i}");
        }
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>
    /// Waits until the silo that <paramref name="from"/> lives on has read at least <paramref name="activations"/> for
    /// <paramref name="silo"/> (each silo reads the table on its own schedule). Polled: that view lives in another process.
    /// </summary>
    public static async Task WaitForLoadSeenAsync(IPlacedCounterGrain from, string silo, int activations, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await from.ReportedLoadOf(silo) < activations)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{silo}'s {activations} activations were not seen from {(await from.Get()).Silo} within {timeout}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the client's view shows <paramref name="silo"/> reporting at least <paramref name="activations"/>: on the view's own event, raised after each table read.</summary>
    public async Task WaitForReportedLoadAsync(string silo, int activations, TimeSpan timeout)
    {
        var address = SiloAddress.Parse(silo);
        var view = Cluster.ClientView;
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (view.Load.GetValueOrDefault(address) >= activations)
            {
                seen.TrySetResult();
            }
        }

        view.LoadChanged += Check;
        try
        {
            Check();
            await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{silo} did not report {activations} activations within {timeout}.");
        }
        finally
        {
            view.LoadChanged -= Check;
        }
    }
}
