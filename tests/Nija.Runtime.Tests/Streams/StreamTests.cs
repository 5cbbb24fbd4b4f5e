using Microsoft.Extensions.DependencyInjection;
using Nija.Runtime.Abstractions.Streams;
using Nija.Runtime.Tests.Grains;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Streams;

public sealed class StreamTests
{
    [Fact]
    public async Task Host_code_receives_what_a_grain_publishes_in_publish_order()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe);
        var stream = silo.Services.GetStreamProvider().GetStream<int>(new StreamId("numbers", "p1"));
        await using var handle = await stream.SubscribeAsync((n, token) =>
        {
            probe.Record($"{n}@{token.SequenceNumber}");
            return Task.CompletedTask;
        });

        await silo.GrainFactory.GetGrain<IPublisherGrain>("p1").Publish(0, 100);

        await probe.WaitForCount("", 100);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"{i}@{i + 1}"), probe.Events);
    }

    [Fact]
    public async Task A_slow_subscriber_does_not_hold_back_the_publisher_or_other_subscribers()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe);
        var stream = silo.Services.GetStreamProvider().GetStream<int>(new StreamId("numbers", "p2"));
        await using var slow = await stream.SubscribeAsync(async (_, _) => await probe.Gate("slow"));
        await using var fast = await stream.SubscribeAsync((n, _) =>
        {
            probe.Record($"fast:{n}");
            return Task.CompletedTask;
        });

        await silo.GrainFactory.GetGrain<IPublisherGrain>("p2").Publish(0, 50); // completes while 'slow' is stuck

        await probe.WaitForCount("fast:", 50);
        probe.Open("slow");
    }

    [Fact]
    public async Task A_failing_subscriber_gets_its_error_and_keeps_receiving()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe);
        var stream = silo.Services.GetStreamProvider().GetStream<int>(new StreamId("numbers", "p3"));
        await using var handle = await stream.SubscribeAsync(
            (n, _) => n % 2 == 0 ? throw new InvalidOperationException($"bad {n}") : Task.CompletedTask,
            e =>
            {
                probe.Record($"error:{e.Message}");
                return Task.CompletedTask;
            });

        await silo.GrainFactory.GetGrain<IPublisherGrain>("p3").Publish(0, 6);

        await probe.WaitForCount("error:", 3);
        Assert.Equal(["error:bad 0", "error:bad 2", "error:bad 4"], probe.Events);
    }

    [Fact]
    public async Task A_grain_subscriber_receives_items_as_turns_of_the_grain()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe);
        var subscriber = silo.GrainFactory.GetGrain<ISubscriberGrain>("sub");
        await subscriber.Subscribe("p4");
        var host = silo.Services.GetStreamProvider().GetStream<int>(new StreamId("numbers", "p4"));
        await using var done = await host.SubscribeAsync((n, _) =>
        {
            probe.Record($"seen:{n}");
            return Task.CompletedTask;
        });

        await silo.GrainFactory.GetGrain<IPublisherGrain>("p4").Publish(1, 20);
        await probe.WaitForCount("seen:", 20);

        // The grain's queue is drained in order; a read is queued behind the deliveries already enqueued.
        IReadOnlyList<int> received = [];
        for (var i = 0; i < 100 && received.Count < 20; i++)
        {
            received = await subscriber.Received();
        }

        Assert.Equal(Enumerable.Range(1, 20), received);
    }
}
