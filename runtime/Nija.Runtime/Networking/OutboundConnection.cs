using System.Collections.Concurrent;
using System.Net.Sockets;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Cluster;
using Nija.Runtime.Messaging;

namespace Nija.Runtime.Networking;

/// <summary>
/// A connection this process opened to a silo: sends requests and matches responses to callers by
/// call id. When it closes, a call whose frame never left is re-routed (it cannot have run); a call
/// that was sent fails with <see cref="SiloUnavailableException"/>, because it may have run.
/// </summary>
internal sealed class OutboundConnection : Connection
{
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _pings = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<Metrics.SiloReport?>> _reports = new();
    private readonly CallCodec _codec;
    private readonly MessageRouter _router;
    private long _nextId;

    public OutboundConnection(Socket socket, SiloAddress target, int queueCapacity, CallCodec codec, MessageRouter router)
        : base(socket, queueCapacity)
    {
        Target = target;
        _codec = codec;
        _router = router;
    }

    public SiloAddress Target { get; }

    public int PendingCount => _pending.Count;

    public void Send(Message msg)
    {
        var id = Interlocked.Increment(ref _nextId);
        ReadOnlyMemory<byte> frame;
        try
        {
            frame = _codec.EncodeRequest(msg, id, _router.View.Version);
        }
        catch (Exception e) when (e is NotSupportedException or System.Text.Json.JsonException or InvalidOperationException)
        {
            msg.Completion?.Fail(new InvalidOperationException($"The arguments of {msg.Name} could not be serialized: {e.Message}", e));
            return;
        }

        var call = new PendingCall(msg);
        if (msg.Completion is not null)
        {
            _pending[id] = call;
        }

        var sent = SendAsync(frame, call);
        if (!sent.IsCompletedSuccessfully || !sent.Result)
        {
            _ = AfterSlowSendAsync(sent, id, call);
        }
    }

    public async Task<bool> PingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var pong = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pings[id] = pong;
        try
        {
            if (!await SendAsync(CallCodec.EncodeLong(FrameKind.Ping, id), null))
            {
                return false;
            }

            await pong.Task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The connection closed while the probe waited.
            return false;
        }
        finally
        {
            _pings.TryRemove(id, out _);
        }
    }

    /// <summary>Asks the silo for its report; null if it does not answer in time.</summary>
    public async Task<Metrics.SiloReport?> RequestReportAsync(TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<Metrics.SiloReport?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _reports[id] = answer;
        try
        {
            return await SendAsync(CallCodec.EncodeLong(FrameKind.ReportRequest, id)) ? await answer.Task.WaitAsync(timeout) : null;
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            _reports.TryRemove(id, out _);
        }
    }

    /// <summary>Says who opened the connection; the first frame sent.</summary>
    public void Hello()
    {
        var frame = new FrameWriter(FrameKind.Hello);
        frame.WriteByte(_router.View.IsClient ? (byte)1 : (byte)0);
        _ = SendAsync(frame.Complete());
    }

    public void Notify(long version) => _ = SendAsync(CallCodec.EncodeLong(FrameKind.MembershipChanged, version), null);

    /// <summary>Forgets calls that ended another way (their caller's timeout fired).</summary>
    public void Sweep()
    {
        foreach (var (id, call) in _pending)
        {
            if (call.Message.Completion!.Task.IsCompleted)
            {
                _pending.TryRemove(id, out _);
            }
        }
    }

    protected override void OnWriting(object? tag)
    {
        if (tag is PendingCall call)
        {
            call.Written = true;
        }
    }

    protected override void OnFrame(FrameKind kind, ReadOnlySpan<byte> body)
    {
        var reader = new FrameReader(body);
        if (kind == FrameKind.Pong)
        {
            if (_pings.TryGetValue(reader.ReadInt64(), out var pong))
            {
                pong.TrySetResult();
            }

            return;
        }

        if (kind == FrameKind.MembershipChanged)
        {
            _router.View.RequestRefresh();
            return;
        }

        if (kind == FrameKind.ReportResponse)
        {
            if (_reports.TryGetValue(reader.ReadInt64(), out var report))
            {
                report.TrySetResult(_codec.ReadJson<Metrics.SiloReport>(ref reader));
            }

            return;
        }

        if (kind == FrameKind.StreamItem)
        {
            _router.Streams?.Deliver(body);
            return;
        }

        if (kind != FrameKind.Response)
        {
            throw new InvalidDataException($"Unexpected frame {kind} from a silo.");
        }

        var (id, status) = CallCodec.ReadResponseHead(ref reader);
        if (!_pending.TryRemove(id, out var call))
        {
            return;
        }

        var msg = call.Message;
        switch (status)
        {
            case ResponseStatus.Ok:
                object? result;
                try
                {
                    result = _codec.ReadResult(ref reader, msg.Method!);
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
                {
                    msg.Completion!.Fail(new InvalidOperationException($"The result of {msg.Name} could not be read: {e.Message}", e));
                    return;
                }

                msg.Completion!.Complete(result);
                break;
            case ResponseStatus.Error:
                msg.Completion!.Fail(ExceptionCodec.Read(ref reader));
                break;
            case ResponseStatus.Rejected:
                var theirVersion = reader.ReadInt64();
                if (theirVersion > _router.View.Version)
                {
                    _router.View.RequestRefresh();
                }

                _router.Rejected(msg);
                break;
            default:
                throw new InvalidDataException($"Unknown response status {status}.");
        }
    }

    protected override void OnClosed(Exception? cause)
    {
        foreach (var ping in _pings.Values)
        {
            ping.TrySetCanceled();
        }

        foreach (var report in _reports.Values)
        {
            report.TrySetResult(null);
        }

        foreach (var id in _pending.Keys)
        {
            if (!_pending.TryRemove(id, out var call))
            {
                continue;
            }

            if (call.Written)
            {
                call.Message.Completion!.Fail(new SiloUnavailableException(
                    $"Silo {Target} went away before answering {call.Message.Name} on {call.Message.Target}; the call may have run there."));
            }
            else
            {
                _router.Reroute(call.Message);
            }
        }
    }

    private async Task AfterSlowSendAsync(ValueTask<bool> sent, long id, PendingCall call)
    {
        if (await sent)
        {
            return;
        }

        // The connection closed before the frame was queued: it cannot have run.
        if (call.Message.Completion is null || _pending.TryRemove(id, out _))
        {
            _router.Reroute(call.Message);
        }
    }

    private sealed class PendingCall(Message message)
    {
        public Message Message => message;

        public volatile bool Written;
    }
}
