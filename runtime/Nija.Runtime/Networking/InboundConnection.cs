using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Nija.Runtime.Messaging;

namespace Nija.Runtime.Networking;

/// <summary>A connection a peer opened to this silo: requests in, responses out; answers probes at once.</summary>
internal sealed partial class InboundConnection(Socket socket, int queueCapacity, CallCodec codec, MessageRouter router, ILogger log)
    : Connection(socket, queueCapacity)
{
    public CallCodec Codec => codec;

    /// <summary>Whether a cluster client (not a silo) opened this connection.</summary>
    public bool IsClient { get; private set; }

    public void Reply(ReadOnlyMemory<byte> frame) => _ = SendAsync(frame);

    protected override void OnFrame(FrameKind kind, ReadOnlySpan<byte> body)
    {
        switch (kind)
        {
            case FrameKind.Request:
                Message msg;
                long version;
                try
                {
                    msg = codec.DecodeRequest(body, (id, method) => new RemoteResponseCompletion(this, id, method), out version);
                }
                catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Text.Json.JsonException)
                {
                    // A request we cannot read cannot be answered by id either: drop the connection, loudly.
                    BadFrame(e, Remote);
                    throw new InvalidDataException("Unreadable request.", e);
                }

                router.Deliver(msg, version);
                break;
            case FrameKind.Ping:
                Reply(CallCodec.EncodeLong(FrameKind.Pong, new FrameReader(body).ReadInt64()));
                break;
            case FrameKind.MembershipChanged:
                router.View.RequestRefresh();
                break;
            case FrameKind.StreamItem:
                router.Streams?.Deliver(body);
                break;
            case FrameKind.ReportRequest:
                var id = new FrameReader(body).ReadInt64();
                if (router.LocalReport is { } report)
                {
                    Reply(codec.EncodeJson(FrameKind.ReportResponse, id, report()));
                }

                break;
            case FrameKind.Hello:
                IsClient = new FrameReader(body).ReadByte() == 1;
                break;
            default:
                throw new InvalidDataException($"Unexpected frame {kind} from a caller.");
        }
    }

    protected override void OnClosed(Exception? cause)
    {
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped the connection from {Remote}: unreadable request")]
    private partial void BadFrame(Exception e, string remote);
}
