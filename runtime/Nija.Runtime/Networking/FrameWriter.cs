using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Nija.Runtime.Networking;

/// <summary>
/// Builds one frame, [length: int32][kind: byte][body], in a growing buffer. The caller's thread
/// does the encoding (and the JSON), so a connection's writer loop only copies bytes.
/// </summary>
internal sealed class FrameWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public FrameWriter(FrameKind kind)
    {
        _buffer.GetSpan(5);
        _buffer.Advance(4);
        WriteByte((byte)kind);
    }

    public IBufferWriter<byte> Buffer => _buffer;

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void WriteString(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        WriteInt32(count);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(count));
        _buffer.Advance(count);
    }

    /// <summary>Reserves an int32 length, lets <paramref name="write"/> fill the bytes after it, then sets the length.</summary>
    public void WriteLengthPrefixed<TState>(TState state, Action<IBufferWriter<byte>, TState> write)
    {
        var at = _buffer.WrittenCount;
        WriteInt32(0);
        write(_buffer, state);
        BinaryPrimitives.WriteInt32LittleEndian(Writable.Span[at..], _buffer.WrittenCount - at - 4);
    }

    /// <summary>Writes <paramref name="value"/> as JSON of <paramref name="type"/>, length-prefixed.</summary>
    public void WriteJson(object? value, Type type, System.Text.Json.JsonSerializerOptions options) =>
        WriteLengthPrefixed((value, type, options), static (buffer, s) =>
        {
            using var writer = new System.Text.Json.Utf8JsonWriter(buffer);
            System.Text.Json.JsonSerializer.Serialize(writer, s.value, s.type, s.options);
        });

    /// <summary>The finished frame.</summary>
    public ReadOnlyMemory<byte> Complete()
    {
        BinaryPrimitives.WriteInt32LittleEndian(Writable.Span, _buffer.WrittenCount - 4);
        return _buffer.WrittenMemory;
    }

    private Memory<byte> Writable => MemoryMarshal.AsMemory(_buffer.WrittenMemory);
}
