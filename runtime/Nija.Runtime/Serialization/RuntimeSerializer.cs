using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nija.Runtime.Hosting;
using Nija.Runtime.Proxies;

namespace Nija.Runtime.Serialization;

/// <summary>
/// The silo's one System.Text.Json configuration, used for grain state, argument copies and (in a
/// cluster) the wire. Source-generated contexts added to <see cref="SerializationOptions.TypeInfoResolvers"/>
/// are asked first; reflection covers the rest.
/// </summary>
public sealed class RuntimeSerializer
{
    private readonly JsonSerializerContext[] _stateContexts;

    internal RuntimeSerializer(IServiceProvider services, IOptions<SerializationOptions> options)
    {
        _stateContexts = [.. options.Value.StateContexts];
        Options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. options.Value.TypeInfoResolvers, new DefaultJsonTypeInfoResolver()]),
        };
        Options.Converters.Add(new GrainReferenceConverter(services.GetRequiredService<GrainReferenceFactory>));
        Options.MakeReadOnly();
    }

    /// <summary>The serializer options.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>Serializes a value of a declared type to UTF-8 JSON.</summary>
    public byte[] Serialize(object? value, Type type) => JsonSerializer.SerializeToUtf8Bytes(value, type, Options);

    /// <summary>
    /// The type info a grain state of type <typeparamref name="TState"/> is stored with: the first
    /// <see cref="SerializationOptions.StateContexts"/> context that declares it, else the silo's options.
    /// </summary>
    public JsonTypeInfo<TState> StateTypeInfo<TState>()
    {
        foreach (var context in _stateContexts)
        {
            if (context.GetTypeInfo(typeof(TState)) is JsonTypeInfo<TState> declared)
            {
                return declared;
            }
        }

        return (JsonTypeInfo<TState>)Options.GetTypeInfo(typeof(TState));
    }

    /// <summary>Reads a value of a declared type from UTF-8 JSON.</summary>
    public object? Deserialize(ReadOnlySpan<byte> json, Type type) => JsonSerializer.Deserialize(json, type, Options);
}
