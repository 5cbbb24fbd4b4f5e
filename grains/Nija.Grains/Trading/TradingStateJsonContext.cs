using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nija.Grains.Trading;

/// <summary>
/// Generated JSON for the trading state, which is written with every order: through its own context
/// System.Text.Json writes it by generated code instead of walking metadata (in bench/, about a third
/// less time). The silo's naming, so that states stored by reflection read back the same.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TradingState))]
internal sealed partial class TradingStateJsonContext : JsonSerializerContext;
