using System.Text.Json;
using System.Text.Json.Serialization;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Proxies;

namespace Nija.Runtime.Serialization;

/// <summary>
/// Writes a grain reference as its identity, "type/key", and reads it back as a live reference,
/// so references can be kept in grain state and passed in calls.
/// </summary>
internal sealed class GrainReferenceConverter(Func<GrainReferenceFactory> factory) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsInterface && typeof(IGrain).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Typed<>).MakeGenericType(typeToConvert), factory)!;

    private sealed class Typed<T>(Func<GrainReferenceFactory> factory) : JsonConverter<T> where T : class, IGrain
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? throw new JsonException("A grain reference must be a string \"type/key\".");
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                throw new JsonException($"'{text}' is not a grain reference \"type/key\".");
            }

            return (T)factory().GetReference(typeof(T), new GrainId(text[..slash], text[(slash + 1)..]));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.GetGrainId().ToString());
    }
}
