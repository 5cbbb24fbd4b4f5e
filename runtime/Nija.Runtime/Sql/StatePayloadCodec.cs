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
/// overflow pages) that compression shrinks six- to sevenfold, to fit in its leaf page. Deflate at
/// its fastest level, not Brotli: on a 14 KB state Brotli's fastest level took ~130 us (it sets up
/// its encoder per call) against ~16 us for Deflate, for 1.9 KB against 2.2 KB, and both fit the
/// leaf. Brotli rows written before still read.
/// </remarks>
internal static class StatePayloadCodec
{
    /// <summary>The payload as the serializer produced it.</summary>
    public const int Raw = 0;

    /// <summary>The payload Brotli-compressed (written by earlier versions; still read).</summary>
    public const int Brotli = 1;

    /// <summary>The payload Deflate-compressed (RFC 1951).</summary>
    public const int Deflate = 2;

    /// <summary>The payload to store and its codec: compressed when longer than <paramref name="threshold"/> and compression saves at least a tenth.</summary>
    public static (byte[] Bytes, int Codec) Encode(byte[] payload, int? threshold)
    {
        if (threshold is not { } limit || payload.Length <= limit)
        {
            return (payload, Raw);
        }

        using var output = new MemoryStream(payload.Length / 4);
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(payload);
        }

        return output.Length <= payload.Length - payload.Length / 10 ? (output.ToArray(), Deflate) : (payload, Raw);
    }

    /// <summary>The payload as it was written, from the stored bytes and their codec.</summary>
    public static byte[] Decode(byte[] stored, long codec) => codec switch
    {
        Raw => stored,
        Brotli => Decompress(stored, s => new BrotliStream(s, CompressionMode.Decompress)),
        Deflate => Decompress(stored, s => new DeflateStream(s, CompressionMode.Decompress)),
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
