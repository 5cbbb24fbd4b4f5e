using Nija.Runtime.Messaging;
using Nija.Runtime.Metadata;

namespace Nija.Runtime.Networking;

/// <summary>
/// The completion of a call that came in over a connection: its result (or exception, or a
/// rejection) goes back as a response frame, once.
/// </summary>
internal sealed class RemoteResponseCompletion(InboundConnection connection, long callId, GrainMethodMetadata method) : ResponseCompletion
{
    private int _done;

    public override object ReturnValue => throw new NotSupportedException("A remote call's result goes back over its connection.");

    public override Task Task => Task.CompletedTask;

    public override bool TryComplete(object? result)
    {
        if (Interlocked.Exchange(ref _done, 1) != 0)
        {
            return false;
        }

        ReadOnlyMemory<byte> frame;
        try
        {
            frame = connection.Codec.EncodeResult(callId, method, result);
        }
        catch (Exception e) when (e is NotSupportedException or System.Text.Json.JsonException or InvalidOperationException)
        {
            frame = CallCodec.EncodeError(callId, new InvalidOperationException($"The result of {method.Name} could not be serialized: {e.Message}"));
        }

        connection.Reply(frame);
        return true;
    }

    public override bool TryFail(Exception error)
    {
        if (Interlocked.Exchange(ref _done, 1) != 0)
        {
            return false;
        }

        connection.Reply(CallCodec.EncodeError(callId, error));
        return true;
    }

    /// <summary>Answers that the call was not run here, so the caller may send it elsewhere.</summary>
    public void Reject(long viewVersion, string reason)
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            connection.Reply(CallCodec.EncodeRejection(callId, viewVersion, reason));
        }
    }
}
