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
/// commit rate. A tenant's trading state is 9.5-14 KB of JSON (a leaf page and two or three
/// overflow pages) that compression shrinks five- to sevenfold, to fit in its leaf page. Snappy,
/// not Deflate or Brotli: all that matters is fitting the leaf (~4 KB), and on a 14 KB state Snappy
/// took ~6 us for 2.6 KB, Deflate's fastest level ~21 us for 2.2 KB (it sets up and zeroes ~300 KB
/// of tables per call; ~10 % of the server's CPU per order in a profile), Brotli's ~130 us for
/// 1.9 KB. Rows written with the earlier codecs still read.
/// </remarks>
internal static class StatePayloadCodec
{
    /// <summary>The payload as the serializer produced it.</summary>
    public const int Raw = 0;

    /// <summary>The payload Brotli-compressed (written by earlier versions; still read).</summary>
    public const int Brotli = 1;

    /// <summary>The payload Deflate-compressed (RFC 1951; written by earlier versions, still read).</summary>
    public const int Deflate = 2;

    /// <summary>The payload Snappy-compressed (the block format).</summary>
    public const int Snappy = 3;

    /// <summary>The payload to store and its codec: compressed when longer than <paramref name="threshold"/> and compression saves at least a tenth.</summary>
    public static (byte[] Bytes, int Codec) Encode(byte[] payload, int? threshold)
    {
        if (threshold is not { } limit || payload.Length <= limit)
        {
            return (payload, Raw);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Snappier.Snappy.GetMaxCompressedLength(payload.Length));
        try
        {
            var written = Snappier.Snappy.Compress(payload, buffer);
            return written <= payload.Length - payload.Length / 10 ? (buffer.AsSpan(0, written).ToArray(), Snappy) : (payload, Raw);
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
        Brotli => Decompress(stored, s => new BrotliStream(s, CompressionMode.Decompress)),
        Deflate => Decompress(stored, s => new DeflateStream(s, CompressionMode.Decompress)),
        Snappy => Snappier.Snappy.DecompressToArray(stored),
        _ => throw new InvalidDataException($"A stored state has payload codec {codec}, which this version does not know."),
    };

    private static byte[] Decompress(byte[] stored, Func<Stream, Stream> decoder)
    {
        using var input = new MemoryStream(stored, writable: false);
        using var decompressed = decoder(input);
        using var output = new MemoryStream(stored.Length * 6);
        decompressed.CopyTo(output);
        return output.ToArray();
    }
}
