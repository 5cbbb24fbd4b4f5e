namespace Nija.Runtime.Abstractions.Streams;

/// <summary>
/// A named stream. Items reach each subscriber in publish order. Publishing never waits for a
/// subscriber: each has its own bounded queue, and one that is slow or throws affects only itself.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public interface IAsyncStream<T>
{
    /// <summary>The stream id.</summary>
    StreamId Id { get; }

    /// <summary>Publishes an item to every current subscriber; completes once it is queued for all of them.</summary>
    Task PublishAsync(T item);

    /// <summary>
    /// Subscribes. From grain code the handler runs as a turn of the subscribing grain and the
    /// subscription ends with the activation; from host code it runs on the thread pool.
    /// </summary>
    Task<StreamSubscriptionHandle> SubscribeAsync(Func<T, StreamSequenceToken, Task> onNext, Func<Exception, Task>? onError = null);
}
