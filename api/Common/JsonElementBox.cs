using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nija.Api.Common;

/// <summary>A raw JSON body for endpoints that must tell an absent field from a null one.</summary>
[JsonConverter(typeof(JsonElementBoxConverter))]
internal sealed class JsonElementBox(JsonElement element)
{
    public JsonElement Element { get; } = element;
}

internal sealed class JsonElementBoxConverter : JsonConverter<JsonElementBox>
{
    public override JsonElementBox Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, JsonElementBox value, JsonSerializerOptions options) => value.Element.WriteTo(writer);
}
