using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nija.Runtime.Cluster;

namespace Nija.Runtime.Networking;

/// <summary>Accepts connections from other silos and from clients on the silo port.</summary>
internal sealed partial class SiloListener(IOptions<ClusterOptions> options, CallCodec codec, MessageRouter router, ILogger<SiloListener> log) : IAsyncDisposable
{
    private int _disposed;
    private readonly ConcurrentDictionary<InboundConnection, byte> _connections = new();
    private Socket? _socket;
    private CancellationTokenSource? _stop;

    /// <summary>The port actually bound (differs from the setting when that is 0).</summary>
    public int Port { get; private set; }

    public int ConnectionCount => _connections.Count;

    /// <summary>Sends a frame to every connected client.</summary>
    public void SendToClients(ReadOnlyMemory<byte> frame)
    {
        foreach (var connection in _connections.Keys)
        {
            if (connection.IsClient)
            {
                connection.Reply(frame);
            }
        }
    }

    /// <summary>Tells every connected peer, clients included, that the membership table changed.</summary>
    public void NotifyAll(long version)
    {
        foreach (var connection in _connections.Keys)
        {
            connection.Reply(CallCodec.EncodeLong(FrameKind.MembershipChanged, version));
        }
    }

    public void Start()
    {
        var o = options.Value;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(new IPEndPoint(IPAddress.Parse(o.ListenHost), o.Port));
        socket.Listen(512);
        _socket = socket;
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        _stop = new CancellationTokenSource();
        _ = AcceptLoopAsync(socket, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_stop is not null)
        {
            await _stop.CancelAsync();
        }

        _socket?.Dispose();
        await Task.WhenAll(_connections.Keys.Select(c => c.CloseGracefullyAsync(TimeSpan.FromSeconds(2))));

        _stop?.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await listener.AcceptAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (!stop.IsCancellationRequested)
                {
                    AcceptFailed(e);
                }

                return;
            }

            var connection = new InboundConnection(accepted, options.Value.SendQueueCapacity, codec, router, log);
            _connections[connection] = 0;
            _ = connection.Closed.ContinueWith((_, s) => _connections.TryRemove((InboundConnection)s!, out byte _), connection, TaskScheduler.Default);
            connection.Start();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The silo listener stopped accepting connections")]
    private partial void AcceptFailed(Exception e);
}
