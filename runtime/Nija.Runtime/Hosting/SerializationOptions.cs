using System.Text.Json.Serialization;
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

    /// <summary>
    /// Source-generated contexts that write and read the grain states they declare with their own
    /// options. The silo's options carry the grain reference converter, and System.Text.Json takes its
    /// generated fast path only for options without custom converters, so a state written often (say,
    /// with every order) is cheaper through a context of its own. Only for states that hold no grain
    /// references; the context should use the silo's naming (JsonSerializerDefaults.Web), so that a
    /// state stored before it was added reads back the same.
    /// </summary>
    public IList<JsonSerializerContext> StateContexts { get; } = [];
}
