using Microsoft.Extensions.Logging;
using Nija.Runtime.Abstractions.Streams;
using Nija.Runtime.Messaging;

namespace Nija.Runtime.Streams;

/// <summary>One stream: numbers items and fans them out to subscriber queues (and, in a cluster, to the other processes).</summary>
internal sealed class MemoryStream<T>(StreamId id, int queueCapacity, ILogger log, string provider, StreamRelay? relay) : IAsyncStream<T>, IRemoteDelivery
{
    private readonly Lock _lock = new();
    private StreamSubscription<T>[] _subscribers = [];
    private long _sequence;

    public StreamId Id => id;

    public Task PublishAsync(T item)
    {
        PublishLocally(item);
        relay?.Publish(provider, id, item);
        return Task.CompletedTask;
    }

    public void DeliverRemote(ReadOnlySpan<byte> json, System.Text.Json.JsonSerializerOptions options)
    {
        if (System.Text.Json.JsonSerializer.Deserialize<T>(json, options) is { } item)
        {
            PublishLocally(item);
        }
    }

    private void PublishLocally(T item)
    {
        // The lock makes sequence order and queue order the same for concurrent publishers.
        lock (_lock)
        {
            var token = new StreamSequenceToken(++_sequence);
            foreach (var s in _subscribers)
            {
                s.Offer(item, token);
            }
        }
    }

    public Task<StreamSubscriptionHandle> SubscribeAsync(Func<T, StreamSequenceToken, Task> onNext, Func<Exception, Task>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(onNext);
        var subscription = new StreamSubscription<T>(this, onNext, onError, RuntimeCallContext.Current?.Activation, queueCapacity, log);
        lock (_lock)
        {
            _subscribers = [.. _subscribers, subscription];
        }

        subscription.Start();
        return Task.FromResult<StreamSubscriptionHandle>(subscription);
    }

    internal void Remove(StreamSubscription<T> subscription)
    {
        lock (_lock)
        {
            _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscription))];
        }
    }
}
