using System.Collections.Concurrent;
using System.Text.Json;
using Nija.Runtime.Abstractions.Streams;
using Nija.Runtime.Cluster;
using Nija.Runtime.Networking;
using Nija.Runtime.Serialization;

namespace Nija.Runtime.Streams;

/// <summary>
/// Carries stream items between the processes of a cluster: an item published on one silo goes to
/// every other active silo and to every client connected to this one, and each delivers it to its
/// own subscribers. Items of one publisher travel one connection per peer, so their order holds.
/// </summary>
internal sealed class StreamRelay
{
    private readonly ConcurrentDictionary<string, MemoryStreamProvider> _providers = new(StringComparer.Ordinal);
    private readonly ClusterView _view;
    private readonly ConnectionPool _pool;
    private readonly SiloListener _listener;
    private readonly JsonSerializerOptions _json;

    public StreamRelay(ClusterView view, ConnectionPool pool, SiloListener listener, RuntimeSerializer serializer, MessageRouter router)
    {
        _view = view;
        _pool = pool;
        _listener = listener;
        _json = serializer.Options;
        router.Streams = this;
    }

    public void Register(MemoryStreamProvider provider) => _providers[provider.Name] = provider;

    public void Publish<T>(string provider, StreamId id, T item)
    {
        if (!_view.IsEnabled)
        {
            return;
        }

        var frame = new FrameWriter(FrameKind.StreamItem);
        frame.WriteString(provider);
        frame.WriteString(id.Namespace);
        frame.WriteString(id.Key);
        frame.WriteJson(item, typeof(T), _json);
        var bytes = frame.Complete();
        foreach (var silo in _view.Snapshot.Active)
        {
            if (silo != _view.Self)
            {
                _pool.SendFrame(silo, bytes);
            }
        }

        _listener.SendToClients(bytes);
    }

    public void Deliver(ReadOnlySpan<byte> body)
    {
        var reader = new FrameReader(body);
        var provider = reader.ReadString();
        var id = new StreamId(reader.ReadString(), reader.ReadString());
        if (_providers.TryGetValue(provider, out var target))
        {
            target.DeliverRemote(id, reader.ReadBytes(), _json);
        }
    }
}
