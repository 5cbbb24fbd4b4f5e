using System.Text.Json.Serialization.Metadata;

namespace Nija.Runtime.Hosting;

/// <summary>Serialization settings of the silo.</summary>
public sealed class SerializationOptions
{
    /// <summary>
    /// Source-generated (or other) type info resolvers, asked before reflection. Add a
    /// JsonSerializerContext for the grain contracts to skip reflection for those types.
    /// </summary>
    public IList<IJsonTypeInfoResolver> TypeInfoResolvers { get; } = [];
}
