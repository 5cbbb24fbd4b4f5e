using System.Text.Json;

namespace Nija.Runtime.Streams;

/// <summary>A stream that can take an item published in another process, as JSON of its item type.</summary>
internal interface IRemoteDelivery
{
    void DeliverRemote(ReadOnlySpan<byte> json, JsonSerializerOptions options);
}
