using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Nija.Runtime.Abstractions.Streams;

namespace Nija.Runtime.Streams;

/// <summary>
/// An in-process stream provider: each subscriber has its own bounded queue and pump, so publish
/// order is kept per subscriber and a slow or failing one never holds the publisher back (when its
/// queue is full, items for it are dropped and counted). Subscriptions live in memory. In a cluster
/// every item is also relayed to the other silos and the connected clients, which deliver it to
/// their own subscribers: best effort, like the rest of this provider (no replay after a failure).
/// </summary>
public sealed class MemoryStreamProvider : IStreamProvider
{
    private readonly ConcurrentDictionary<StreamId, IRemoteDelivery> _streams = new();
    private readonly ILogger _log;
    private readonly int _queueCapacity;
    private readonly StreamRelay? _relay;

    /// <summary>A provider for one process.</summary>
    public MemoryStreamProvider(string name, int queueCapacity, ILoggerFactory loggers)
        : this(name, queueCapacity, loggers, null)
    {
    }

    internal MemoryStreamProvider(string name, int queueCapacity, ILoggerFactory loggers, StreamRelay? relay)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        Name = name;
        _queueCapacity = queueCapacity;
        _log = loggers.CreateLogger<MemoryStreamProvider>();
        _relay = relay;
        relay?.Register(this);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IAsyncStream<T> GetStream<T>(StreamId id)
    {
        var stream = _streams.GetOrAdd(id, static (i, s) => new MemoryStream<T>(i, s._queueCapacity, s._log, s.Name, s._relay), this);
        return stream as IAsyncStream<T>
            ?? throw new InvalidOperationException($"Stream {id} carries {stream.GetType().GetGenericArguments()[0]}, not {typeof(T)}.");
    }

    /// <summary>An item another process published: delivered if anyone here follows that stream.</summary>
    internal void DeliverRemote(StreamId id, ReadOnlySpan<byte> json, System.Text.Json.JsonSerializerOptions options)
    {
        if (_streams.TryGetValue(id, out var stream))
        {
            stream.DeliverRemote(json, options);
        }
    }
}
