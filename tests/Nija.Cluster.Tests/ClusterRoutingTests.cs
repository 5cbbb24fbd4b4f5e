using Nija.Cluster.Tests.Support;
using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Streams;
using Nija.Runtime.Cluster;

namespace Nija.Cluster.Tests;

/// <summary>Three silo processes on PostgreSQL and a client: every call reaches the grain's one activation.</summary>
public sealed class ClusterRoutingTests
{
    [Fact]
    public async Task Calls_from_a_client_and_from_other_silos_reach_the_single_activation_the_ring_names()
    {
        await using var cluster = new TestCluster("routing");
        await cluster.StartSilosAsync(3);
        await cluster.StartClientAsync();
        var keys = Enumerable.Range(0, 30).Select(i => $"c{i}").ToList();

        foreach (var key in keys)
        {
            await cluster.Grains.GetGrain<ICounterGrain>(key).Add($"{key}-direct", 1);
        }

        // Each counter adds to the next one: grain-to-grain calls, mostly between silos.
        for (var i = 0; i < keys.Count; i++)
        {
            await cluster.Grains.GetGrain<ICounterGrain>(keys[i]).AddTo(keys[(i + 1) % keys.Count], $"{keys[i]}-via", 10);
        }

        var ring = new HashRing((await cluster.ReadTableAsync()).Active);
        var silosUsed = new HashSet<string>();
        foreach (var key in keys)
        {
            var first = await cluster.Grains.GetGrain<ICounterGrain>(key).Get();
            var second = await cluster.Grains.GetGrain<ICounterGrain>(key).Get();
            Assert.Equal(11, first.Value);
            Assert.Equal(first.ActivationId, second.ActivationId);
            Assert.Equal(ring.OwnerOf(new Nija.Runtime.Abstractions.Core.GrainId("counter", key))!.Value.ToString(), first.Silo);
            silosUsed.Add(first.Silo);
        }

        Assert.Equal(3, silosUsed.Count);
    }

    [Fact]
    public async Task A_repeated_operation_id_is_applied_once_even_when_sent_through_different_silos()
    {
        await using var cluster = new TestCluster("idempotent");
        await cluster.StartSilosAsync(2);
        await cluster.StartClientAsync();

        await cluster.Grains.GetGrain<ICounterGrain>("target").Add("op-1", 5);
        await cluster.Grains.GetGrain<ICounterGrain>("a").AddTo("target", "op-1", 5);
        await cluster.Grains.GetGrain<ICounterGrain>("b").AddTo("target", "op-1", 5);

        Assert.Equal(5, (await cluster.Grains.GetGrain<ICounterGrain>("target").Get()).Value);
    }

    [Fact]
    public async Task A_stream_item_published_by_a_grain_on_a_silo_reaches_a_subscriber_in_the_client()
    {
        await using var cluster = new TestCluster("streams");
        await cluster.StartSilosAsync(2);
        await cluster.StartClientAsync();
        var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await cluster.Streams.GetStream<long>(new StreamId(ICounterGrain.Stream, "watched")).SubscribeAsync((value, _) =>
        {
            seen.TrySetResult(value);
            return Task.CompletedTask;
        });

        await cluster.Grains.GetGrain<ICounterGrain>("watched").Add("op", 42);

        Assert.Equal(42, await seen.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
