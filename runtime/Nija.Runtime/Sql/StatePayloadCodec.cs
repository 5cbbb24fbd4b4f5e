using System.Buffers;
using System.IO.Compression;

namespace Nija.Runtime.Sql;

/// <summary>
/// How a stored state's payload is encoded, kept in its own column (payload_codec) so that any
/// payload, JSON or binary, reads back byte for byte whatever its first bytes are.
/// </summary>
/// <remarks>
/// Why compress at all: on SQLite every state write rewrites the row's pages in the WAL, one write
/// call and one checksum per 4 KB page, and the single writer's time per page is what bounds the
/// commit rate. A tenant's trading state is about 9.5 KB of JSON (a leaf page and two overflow
/// pages) that Brotli at its fastest level shrinks about sixfold, to fit in its leaf page.
/// </remarks>
internal static class StatePayloadCodec
{
    /// <summary>The payload as the serializer produced it.</summary>
    public const int Raw = 0;

    /// <summary>The payload Brotli-compressed.</summary>
    public const int Brotli = 1;

    private const int Quality = 1; // the fastest level: the gain is in pages written, not in the last few bytes
    private const int Window = 22;

    /// <summary>The payload to store and its codec: compressed when longer than <paramref name="threshold"/> and compression saves at least a tenth.</summary>
    public static (byte[] Bytes, int Codec) Encode(byte[] payload, int? threshold)
    {
        if (threshold is not { } limit || payload.Length <= limit)
        {
            return (payload, Raw);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(payload.Length));
        try
        {
            return BrotliEncoder.TryCompress(payload, buffer, out var written, Quality, Window) && written <= payload.Length - payload.Length / 10
                ? (buffer.AsSpan(0, written).ToArray(), Brotli)
                : (payload, Raw);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The payload as it was written, from the stored bytes and their codec.</summary>
    public static byte[] Decode(byte[] stored, long codec) => codec switch
    {
        Raw => stored,
        Brotli => Decompress(stored),
        _ => throw new InvalidDataException($"A stored state has payload codec {codec}, which this version does not know."),
    };

    private static byte[] Decompress(byte[] stored)
    {
        using var input = new MemoryStream(stored, writable: false);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(stored.Length * 6);
        brotli.CopyTo(output);
        return output.ToArray();
    }
}
