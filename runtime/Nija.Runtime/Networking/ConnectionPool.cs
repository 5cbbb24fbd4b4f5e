using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Cluster;
using Nija.Runtime.Messaging;

namespace Nija.Runtime.Networking;

/// <summary>
/// One outbound connection per silo, opened on first use and dropped when it closes or when the
/// membership view says its silo is dead (which fails the calls waiting on it at once, rather than
/// at their timeout).
/// </summary>
internal sealed class ConnectionPool : IAsyncDisposable
{
    private readonly ConcurrentDictionary<SiloAddress, Task<OutboundConnection>> _connections = new();
    private readonly Lock _lock = new();
    private readonly ClusterOptions _options;
    private readonly CallCodec _codec;
    private MessageRouter? _router;
    private bool _disposed;

    public ConnectionPool(IOptions<ClusterOptions> options, CallCodec codec)
    {
        _options = options.Value;
        _codec = codec;
    }

    public MessageRouter Router
    {
        get => _router ?? throw new InvalidOperationException("The pool has no router yet.");
        set => _router = value;
    }

    public IEnumerable<OutboundConnection> Open =>
        _connections.Values.Where(t => t.IsCompletedSuccessfully && !t.Result.IsClosed).Select(t => t.Result);

    public void Send(SiloAddress silo, Message msg)
    {
        var connecting = GetAsync(silo);
        if (connecting.IsCompletedSuccessfully)
        {
            connecting.Result.Send(msg);
            return;
        }

        _ = SendWhenConnectedAsync(connecting, msg);
    }

    /// <summary>Sends a frame that needs no answer (a stream item); dropped if the silo cannot be reached.</summary>
    public void SendFrame(SiloAddress silo, ReadOnlyMemory<byte> frame)
    {
        var connecting = GetAsync(silo);
        if (connecting.IsCompletedSuccessfully)
        {
            _ = connecting.Result.SendAsync(frame);
            return;
        }

        _ = connecting.ContinueWith(
            (t, f) => t.Result.SendAsync((ReadOnlyMemory<byte>)f!),
            frame,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
    }

    public Task<OutboundConnection> GetAsync(SiloAddress silo)
    {
        if (_connections.TryGetValue(silo, out var existing) && IsUsable(existing))
        {
            return existing;
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connections.TryGetValue(silo, out existing) && IsUsable(existing))
            {
                return existing;
            }

            var created = ConnectAsync(silo);
            _connections[silo] = created;
            return created;
        }
    }

    /// <summary>Closes the connections to silos the view no longer lists as active or leaving.</summary>
    public void OnViewChanged(MembershipSnapshot snapshot)
    {
        foreach (var (silo, connecting) in _connections)
        {
            var status = snapshot.Find(silo)?.Status;
            if (status is SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Joining)
            {
                continue;
            }

            _connections.TryRemove(KeyValuePair.Create(silo, connecting));
            if (connecting.IsCompletedSuccessfully)
            {
                connecting.Result.Close(new SiloUnavailableException($"Silo {silo} was declared dead."));
            }
        }
    }

    public void Sweep()
    {
        foreach (var connection in Open)
        {
            connection.Sweep();
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _disposed = true;
        }

        foreach (var connection in Open.ToList())
        {
            await connection.DisposeAsync();
        }

        _connections.Clear();
    }

    private static bool IsUsable(Task<OutboundConnection> t) =>
        !t.IsFaulted && !t.IsCanceled && !(t.IsCompletedSuccessfully && t.Result.IsClosed);

    private async Task<OutboundConnection> ConnectAsync(SiloAddress silo)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout);
            await socket.ConnectAsync(silo.Host, silo.Port, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            _connections.TryRemove(silo, out _);
            throw new SiloUnavailableException($"Could not connect to silo {silo}: {e.Message}", e);
        }

        var connection = new OutboundConnection(socket, silo, _options.SendQueueCapacity, _codec, Router);
        connection.Hello();
        connection.Start();
        _ = connection.Closed.ContinueWith(
            (_, s) =>
            {
                var (pool, address, conn) = ((ConnectionPool, SiloAddress, OutboundConnection))s!;
                if (pool._connections.TryGetValue(address, out var current) && current.IsCompletedSuccessfully && current.Result == conn)
                {
                    pool._connections.TryRemove(KeyValuePair.Create(address, current));
                }
            },
            (this, silo, connection),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return connection;
    }

    private async Task SendWhenConnectedAsync(Task<OutboundConnection> connecting, Message msg)
    {
        OutboundConnection connection;
        try
        {
            connection = await connecting;
        }
        catch (SiloUnavailableException)
        {
            // Nothing was sent: the call may go elsewhere once the view moves on.
            Router.Reroute(msg);
            return;
        }

        connection.Send(msg);
    }
}
