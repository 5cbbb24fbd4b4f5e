using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Messaging;
using Nija.Runtime.Metadata;
using Nija.Runtime.Serialization;

namespace Nija.Runtime.Networking;

/// <summary>
/// Encodes calls and their answers: a small binary header (call id, flags, timeout, the sender's
/// membership version, grain id, method wire id, request context, the call chain so that a cycle
/// through several silos is recognised as a deadlock) and the arguments as one JSON array, each
/// element written and read as its declared parameter type.
/// </summary>
internal sealed class CallCodec(RuntimeSerializer serializer, WireMethods methods)
{
    private const byte OneWay = 1, ReadOnly = 2, Interleave = 4;
    private readonly JsonSerializerOptions _json = serializer.Options;

    public ReadOnlyMemory<byte> EncodeRequest(Message msg, long callId, long viewVersion)
    {
        var method = msg.Method!;
        var frame = new FrameWriter(FrameKind.Request);
        frame.WriteInt64(callId);
        frame.WriteByte((byte)((method.IsOneWay ? OneWay : 0) | (msg.IsReadOnly ? ReadOnly : 0) | (msg.Interleave ? Interleave : 0)));
        frame.WriteInt32(msg.Timeout == Timeout.InfiniteTimeSpan ? -1 : (int)Math.Min(int.MaxValue, msg.Timeout.TotalMilliseconds));
        frame.WriteInt64(viewVersion);
        frame.WriteString(msg.Target.Type);
        frame.WriteString(msg.Target.Key);
        frame.WriteUInt32(method.WireId);
        var context = msg.RequestContext;
        frame.WriteInt32(context?.Count ?? 0);
        foreach (var (key, value) in context ?? ImmutableDictionary<string, string>.Empty)
        {
            frame.WriteString(key);
            frame.WriteString(value);
        }

        WriteChain(frame, msg.Chain);
        frame.WriteLengthPrefixed((msg, _json), static (buffer, s) =>
        {
            using var writer = new Utf8JsonWriter(buffer);
            writer.WriteStartArray();
            var parameters = s.msg.Method!.ParameterTypes;
            for (var i = 0; i < parameters.Length; i++)
            {
                JsonSerializer.Serialize(writer, s.msg.Arguments[i], parameters[i], s._json);
            }

            writer.WriteEndArray();
        });
        return frame.Complete();
    }

    /// <summary>Reads a request into a message whose answer goes back through <paramref name="reply"/>.</summary>
    public Message DecodeRequest(ReadOnlySpan<byte> body, Func<long, GrainMethodMetadata, ResponseCompletion?> reply, out long viewVersion)
    {
        var reader = new FrameReader(body);
        var callId = reader.ReadInt64();
        var flags = reader.ReadByte();
        var timeoutMs = reader.ReadInt32();
        viewVersion = reader.ReadInt64();
        var target = new GrainId(reader.ReadString(), reader.ReadString());
        var method = methods.Find(target.Type, reader.ReadUInt32());
        var count = reader.ReadInt32();
        ImmutableDictionary<string, string>? context = null;
        if (count > 0)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string>();
            for (var i = 0; i < count; i++)
            {
                builder[reader.ReadString()] = reader.ReadString();
            }

            context = builder.ToImmutable();
        }

        var chain = ReadChain(ref reader);
        var args = ReadArguments(reader.ReadBytes(), method);
        return new Message
        {
            Kind = MessageKind.Request,
            Target = target,
            Method = method,
            Arguments = args,
            RequestContext = context,
            Chain = chain,
            Completion = (flags & OneWay) != 0 ? null : reply(callId, method),
            Interleave = (flags & Interleave) != 0,
            IsReadOnly = (flags & ReadOnly) != 0,
            Timeout = timeoutMs < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(timeoutMs),
            StartTimestamp = Stopwatch.GetTimestamp(),
        };
    }

    // Innermost first; the receiver rebuilds it outermost first.
    private static void WriteChain(FrameWriter frame, CallChain? chain)
    {
        var links = new List<CallChain>();
        for (var c = chain; c is not null; c = c.Parent)
        {
            links.Add(c);
        }

        frame.WriteInt32(links.Count);
        foreach (var link in links)
        {
            frame.WriteString(link.GrainId.Type);
            frame.WriteString(link.GrainId.Key);
            frame.WriteInt64(link.ActivationId);
        }
    }

    private static CallChain? ReadChain(ref FrameReader reader)
    {
        var count = reader.ReadInt32();
        var links = new (GrainId Grain, long Activation)[count];
        for (var i = 0; i < count; i++)
        {
            links[i] = (new GrainId(reader.ReadString(), reader.ReadString()), reader.ReadInt64());
        }

        CallChain? chain = null;
        for (var i = count - 1; i >= 0; i--)
        {
            chain = new CallChain(links[i].Grain, links[i].Activation, chain);
        }

        return chain;
    }

    public ReadOnlyMemory<byte> EncodeResult(long callId, GrainMethodMetadata method, object? result)
    {
        var frame = Response(callId, ResponseStatus.Ok);
        if (method.ReturnShape.ResultType is { } type)
        {
            frame.WriteJson(result, type, _json);
        }
        else
        {
            frame.WriteInt32(0);
        }

        return frame.Complete();
    }

    public static ReadOnlyMemory<byte> EncodeError(long callId, Exception error)
    {
        var frame = Response(callId, ResponseStatus.Error);
        ExceptionCodec.Write(frame, error);
        return frame.Complete();
    }

    public static ReadOnlyMemory<byte> EncodeRejection(long callId, long viewVersion, string reason)
    {
        var frame = Response(callId, ResponseStatus.Rejected);
        frame.WriteInt64(viewVersion);
        frame.WriteString(reason);
        return frame.Complete();
    }

    /// <summary>Reads the call id and status of a response; the rest is read by <see cref="ReadResult"/> and friends.</summary>
    public static (long CallId, ResponseStatus Status) ReadResponseHead(ref FrameReader reader) =>
        (reader.ReadInt64(), (ResponseStatus)reader.ReadByte());

    public object? ReadResult(ref FrameReader reader, GrainMethodMetadata method)
    {
        var json = reader.ReadBytes();
        return method.ReturnShape.ResultType is { } type ? JsonSerializer.Deserialize(json, type, _json) : null;
    }

    /// <summary>A frame of an id and one JSON value (silo reports).</summary>
    public ReadOnlyMemory<byte> EncodeJson<T>(FrameKind kind, long id, T value)
    {
        var frame = new FrameWriter(kind);
        frame.WriteInt64(id);
        frame.WriteJson(value, typeof(T), _json);
        return frame.Complete();
    }

    public T? ReadJson<T>(ref FrameReader reader) => JsonSerializer.Deserialize<T>(reader.ReadBytes(), _json);

    public static ReadOnlyMemory<byte> EncodeLong(FrameKind kind, long value)
    {
        var frame = new FrameWriter(kind);
        frame.WriteInt64(value);
        return frame.Complete();
    }

    private object?[] ReadArguments(ReadOnlySpan<byte> json, GrainMethodMetadata method)
    {
        var parameters = method.ParameterTypes;
        var args = new object?[parameters.Length];
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InvalidDataException($"The arguments of {method.Name} are not a JSON array.");
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            reader.Read();
            args[i] = JsonSerializer.Deserialize(ref reader, parameters[i], _json);
        }

        return args;
    }

    private static FrameWriter Response(long callId, ResponseStatus status)
    {
        var frame = new FrameWriter(FrameKind.Response);
        frame.WriteInt64(callId);
        frame.WriteByte((byte)status);
        return frame;
    }
}
