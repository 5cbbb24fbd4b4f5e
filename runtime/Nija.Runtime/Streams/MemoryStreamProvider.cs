using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Nija.Runtime.Abstractions.Streams;

namespace Nija.Runtime.Streams;

/// <summary>
/// An in-process stream provider: each subscriber has its own bounded queue and pump, so publish
/// order is kept per subscriber and a slow or failing one never holds the publisher back (when its
/// queue is full, items for it are dropped and counted). Subscriptions live in memory.
/// </summary>
public sealed class MemoryStreamProvider(string name, int queueCapacity, ILoggerFactory loggers) : IStreamProvider
{
    private readonly ConcurrentDictionary<StreamId, object> _streams = new();
    private readonly ILogger _log = loggers.CreateLogger<MemoryStreamProvider>();

    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public IAsyncStream<T> GetStream<T>(StreamId id)
    {
        var stream = _streams.GetOrAdd(id, static (i, s) => new MemoryStream<T>(i, s.queueCapacity, s._log), (queueCapacity, _log));
        return stream as IAsyncStream<T>
            ?? throw new InvalidOperationException($"Stream {id} carries {stream.GetType().GetGenericArguments()[0]}, not {typeof(T)}.");
    }
}
