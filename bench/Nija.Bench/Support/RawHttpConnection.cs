using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;

namespace Nija.Bench.Support;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends a prepared request and reads its answer only as far as
/// the status and where the answer ends (Content-Length or chunked). A load generator on the server's own
/// cores must cost as little as it can: HttpClient's machinery took ~130 µs of CPU a request here, this
/// a send and a receive.
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    private readonly Socket _socket;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    private RawHttpConnection(Socket socket) => _socket = socket;

    /// <summary>Whether the server said it closes the connection after the last answer.</summary>
    public bool Closing { get; private set; }

    public static async Task<RawHttpConnection> OpenAsync(EndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server);
        return new RawHttpConnection(socket);
    }

    /// <summary>Sends <paramref name="request"/> (a whole HTTP/1.1 request) and returns the answer's status code once it has all arrived.</summary>
    public async Task<int> SendAsync(ReadOnlyMemory<byte> request)
    {
        await _socket.SendAsync(request, SocketFlags.None);
        int headersEnd;
        while ((headersEnd = IndexOf("\r\n\r\n"u8)) < 0)
        {
            await FillAsync();
        }

        var (status, length, chunked) = ParseHead(_buffer.AsSpan(_start, headersEnd - _start));
        _start = headersEnd + 4;
        if (chunked)
        {
            await SkipChunksAsync();
        }
        else
        {
            await SkipAsync(length);
        }

        return status;
    }

    public void Dispose() => _socket.Dispose();

    private (int Status, int Length, bool Chunked) ParseHead(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 201 Created"
        if (head.Length < 12 || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _))
        {
            throw new InvalidDataException("Not an HTTP/1.1 status line.");
        }

        var length = 0;
        var chunked = false;
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = head[range];
            if (StartsWith(line, "content-length:"u8) && Utf8Parser.TryParse(line[15..].Trim((byte)' '), out int n, out _))
            {
                length = n;
            }
            else if (StartsWith(line, "transfer-encoding:"u8))
            {
                chunked = line.IndexOf("chunked"u8) >= 0;
            }
            else if (StartsWith(line, "connection:"u8))
            {
                Closing = line.IndexOf("close"u8) >= 0;
            }
        }

        return (status, length, chunked);
    }

    private static bool StartsWith(ReadOnlySpan<byte> line, ReadOnlySpan<byte> lowerName)
    {
        if (line.Length < lowerName.Length)
        {
            return false;
        }

        for (var i = 0; i < lowerName.Length; i++)
        {
            if ((line[i] | 0x20) != lowerName[i] && line[i] != lowerName[i])
            {
                return false;
            }
        }

        return true;
    }

    private async Task SkipChunksAsync()
    {
        while (true)
        {
            int lineEnd;
            while ((lineEnd = IndexOf("\r\n"u8)) < 0)
            {
                await FillAsync();
            }

            var sizeText = _buffer.AsSpan(_start, lineEnd - _start);
            var semicolon = sizeText.IndexOf((byte)';');
            if (!Utf8Parser.TryParse(semicolon < 0 ? sizeText : sizeText[..semicolon], out int size, out _, 'x'))
            {
                throw new InvalidDataException("A chunk without a size.");
            }

            _start = lineEnd + 2;
            if (size == 0)
            {
                // No trailers from Kestrel here: the last chunk is followed by an empty line.
                await SkipAsync(2);
                return;
            }

            await SkipAsync(size + 2);
        }
    }

    private async Task SkipAsync(int count)
    {
        while (_end - _start < count)
        {
            count -= _end - _start;
            _start = _end = 0;
            await FillAsync();
        }

        _start += count;
    }

    private int IndexOf(ReadOnlySpan<byte> value)
    {
        var i = _buffer.AsSpan(_start, _end - _start).IndexOf(value);
        return i < 0 ? -1 : _start + i;
    }

    private async Task FillAsync()
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            // Keep what is unread at the front, and grow if it fills the buffer.
            var unread = _end - _start;
            var target = unread > _buffer.Length / 2 ? new byte[_buffer.Length * 2] : _buffer;
            Buffer.BlockCopy(_buffer, _start, target, 0, unread);
            _buffer = target;
            _start = 0;
            _end = unread;
        }

        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None);
        if (read == 0)
        {
            throw new IOException("The server closed the connection mid-answer.");
        }

        _end += read;
    }
}
