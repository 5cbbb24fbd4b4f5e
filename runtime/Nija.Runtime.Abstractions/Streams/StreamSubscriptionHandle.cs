namespace Nija.Runtime.Abstractions.Streams;

/// <summary>A subscription; dispose or call <see cref="UnsubscribeAsync"/> to end it.</summary>
public abstract class StreamSubscriptionHandle : IAsyncDisposable
{
    /// <summary>The stream subscribed to.</summary>
    public abstract StreamId StreamId { get; }

    /// <summary>Items that were dropped because this subscriber's queue was full.</summary>
    public abstract long DroppedCount { get; }

    /// <summary>Ends the subscription; items still queued are discarded.</summary>
    public abstract Task UnsubscribeAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await UnsubscribeAsync();
        GC.SuppressFinalize(this);
    }
}
