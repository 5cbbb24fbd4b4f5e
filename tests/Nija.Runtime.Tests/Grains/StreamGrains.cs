using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Streams;

namespace Nija.Runtime.Tests.Grains;

public interface IPublisherGrain : IGrainWithStringKey
{
    Task Publish(int from, int count);
}

public sealed class PublisherGrain : Grain, IPublisherGrain
{
    async Task IPublisherGrain.Publish(int from, int count)
    {
        var stream = this.GetStreamProvider().GetStream<int>(new StreamId("numbers", GrainId.Key));
        for (var i = from; i < from + count; i++)
        {
            await stream.PublishAsync(i);
        }
    }
}

public interface ISubscriberGrain : IGrainWithStringKey
{
    Task Subscribe(string streamKey);

    Task<IReadOnlyList<int>> Received();
}

public sealed class SubscriberGrain : Grain, ISubscriberGrain
{
    private readonly List<int> _received = [];

    Task ISubscriberGrain.Subscribe(string streamKey) =>
        this.GetStreamProvider().GetStream<int>(new StreamId("numbers", streamKey)).SubscribeAsync((n, _) =>
        {
            _received.Add(n); // runs as a turn of this grain: no lock needed
            return Task.CompletedTask;
        });

    Task<IReadOnlyList<int>> ISubscriberGrain.Received() => Task.FromResult<IReadOnlyList<int>>([.. _received]);
}
