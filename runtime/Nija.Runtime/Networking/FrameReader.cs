using System.Buffers.Binary;
using System.Text;

namespace Nija.Runtime.Networking;

/// <summary>Reads the body of one frame; a malformed frame throws <see cref="InvalidDataException"/>.</summary>
internal ref struct FrameReader(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> _body = body;
    private int _at;

    public byte ReadByte() => Take(1)[0];

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    public ReadOnlySpan<byte> ReadBytes()
    {
        var count = ReadInt32();
        return count < 0 ? throw new InvalidDataException("Negative length in a frame.") : Take(count);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_at + count > _body.Length)
        {
            throw new InvalidDataException("A frame ended early.");
        }

        var span = _body.Slice(_at, count);
        _at += count;
        return span;
    }
}
