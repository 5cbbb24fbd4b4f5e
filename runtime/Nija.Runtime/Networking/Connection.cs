using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Nija.Runtime.Networking;

/// <summary>
/// One TCP connection between silos (or a client and a silo), framed and multiplexed: any number of
/// calls share it, told apart by call id. Frames queue in a bounded channel (callers wait when it is
/// full: backpressure) and one writer loop copies them to the socket, flushing when the queue is
/// empty so that a busy connection sends many frames per system call.
/// </summary>
internal abstract class Connection : IAsyncDisposable
{
    private const int MaxFrame = 64 * 1024 * 1024;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly Channel<Outgoing> _outgoing;
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closing;

    protected Connection(Socket socket, int queueCapacity)
    {
        socket.NoDelay = true;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        _output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024));
        _outgoing = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(queueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Completes (with the cause, or null) when the connection is closed.</summary>
    public Task<Exception?> Closed => _closed.Task;

    public bool IsClosed => Volatile.Read(ref _closing) != 0;

    public string Remote => _socket.RemoteEndPoint?.ToString() ?? "?";

    /// <summary>Starts the read and write loops.</summary>
    public void Start()
    {
        _ = Task.Run(WriteLoopAsync);
        _ = Task.Run(ReadLoopAsync);
    }

    /// <summary>Queues a frame; false if the connection is closed.</summary>
    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> frame) => SendAsync(frame, null);

    /// <summary>Queues a frame with a tag that <see cref="OnWriting"/> sees as the frame goes out; false if the connection is closed.</summary>
    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> frame, object? tag)
    {
        var item = new Outgoing(frame, tag);
        if (_outgoing.Writer.TryWrite(item))
        {
            return ValueTask.FromResult(true);
        }

        return IsClosed ? ValueTask.FromResult(false) : SendSlowAsync(item);
    }

    public void Close(Exception? cause)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        _outgoing.Writer.TryComplete();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already gone: nothing to shut down.
        }
        catch (ObjectDisposedException)
        {
            // Already gone: nothing to shut down.
        }

        _stream.Dispose();
        OnClosed(cause);
        _closed.TrySetResult(cause);
    }

    public ValueTask DisposeAsync()
    {
        Close(null);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Stops reading, lets every queued frame (answers and rejections already decided) reach the
    /// peer, then closes: a leaving silo's last answers are not lost with its socket.
    /// </summary>
    public async Task CloseGracefullyAsync(TimeSpan timeout)
    {
        _input.CancelPendingRead();
        _outgoing.Writer.TryComplete();
        await Task.WhenAny(_drained.Task, Task.Delay(timeout));
        Close(null);
    }

    /// <summary>Handles one frame, on the read loop: must not block.</summary>
    protected abstract void OnFrame(FrameKind kind, ReadOnlySpan<byte> body);

    /// <summary>Called once when the connection closes, for whatever reason.</summary>
    protected abstract void OnClosed(Exception? cause);

    /// <summary>Called on the writer loop just before a tagged frame is written to the socket.</summary>
    protected virtual void OnWriting(object? tag)
    {
    }

    private async ValueTask<bool> SendSlowAsync(Outgoing item)
    {
        try
        {
            await _outgoing.Writer.WriteAsync(item);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    private async Task WriteLoopAsync()
    {
        Exception? cause = null;
        try
        {
            var reader = _outgoing.Reader;
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var item))
                {
                    if (item.Tag is not null)
                    {
                        OnWriting(item.Tag);
                    }

                    _output.Write(item.Frame.Span);
                }

                var flushed = await _output.FlushAsync();
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }
            }

            // The queue was completed and everything in it is written.
            _drained.TrySetResult();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            cause = e;
        }

        Close(cause);
    }

    private async Task ReadLoopAsync()
    {
        Exception? cause = null;
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync();
                var buffer = result.Buffer;
                while (TryReadFrame(ref buffer, out var kind, out var body))
                {
                    Dispatch(kind, body);
                }

                _input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCanceled)
                {
                    // A graceful close stopped reading; it closes once the answers are out.
                    return;
                }

                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidDataException or InvalidOperationException)
        {
            cause = e;
        }

        Close(cause);
    }

    private void Dispatch(FrameKind kind, ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            OnFrame(kind, body.FirstSpan);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent((int)body.Length);
        try
        {
            body.CopyTo(rented);
            OnFrame(kind, rented.AsSpan(0, (int)body.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out FrameKind kind, out ReadOnlySequence<byte> body)
    {
        kind = default;
        body = default;
        if (buffer.Length < 5)
        {
            return false;
        }

        Span<byte> head = stackalloc byte[5];
        buffer.Slice(0, 5).CopyTo(head);
        var length = BinaryPrimitives.ReadInt32LittleEndian(head);
        if (length is < 1 or > MaxFrame)
        {
            throw new InvalidDataException($"A frame of {length} bytes is not allowed.");
        }

        if (buffer.Length < 4 + length)
        {
            return false;
        }

        kind = (FrameKind)head[4];
        body = buffer.Slice(5, length - 1);
        buffer = buffer.Slice(4 + length);
        return true;
    }

    private readonly record struct Outgoing(ReadOnlyMemory<byte> Frame, object? Tag);
}
