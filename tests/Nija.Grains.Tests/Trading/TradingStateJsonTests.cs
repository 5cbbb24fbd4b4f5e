using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Tests.Support;
using Nija.Grains.Trading;
using Nija.Runtime.Persistence;
using Nija.Runtime.Serialization;

namespace Nija.Grains.Tests.Trading;

/// <summary>
/// The trading state is stored through its generated JSON context, and that JSON is exactly what the
/// silo's reflection-based options read and write, so states stored before the context still load.
/// </summary>
public sealed class TradingStateJsonTests
{
    [Fact]
    public async Task The_trading_state_is_stored_by_its_generated_context_in_the_same_JSON_the_silos_options_write()
    {
        await using var silo = await GrainSilo.StartAsync(settings: GrainSilo.WithoutTradeProtections());
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("json");
        await trading.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 80m));
        await trading.PlaceOrder(new PlaceOrderRequest("paper", "SOL-USD", OrderSide.Buy, OrderType.Limit, Quantity: 0.5m, LimitPrice: 1m));
        await trading.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Sell, OrderType.Market, SizeUsd: 30m));
        var serializer = silo.Services.GetRequiredService<RuntimeSerializer>();
        var stored = (await silo.Services.GetRequiredKeyedService<IGrainStorage>("Default")
            .ReadAsync(new StateKey("nija", "trading", "json", "trading"), default))!.Payload!;

        var byReflection = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<TradingState>)serializer.Options.GetTypeInfo(typeof(TradingState));
        var read = JsonSerializer.Deserialize(stored, byReflection)!;

        Assert.IsAssignableFrom<JsonSerializerContext>(serializer.StateTypeInfo<TradingState>().OriginatingResolver);
        Assert.Contains("ETH-USD", read.Account.Positions.Keys);
        Assert.Single(read.Orders); // the resting limit order; the filled ones wait in the outbox
        Assert.NotEmpty(read.Outbox.Fills);
        Assert.Equal(stored, JsonSerializer.SerializeToUtf8Bytes(read, byReflection));
        Assert.Equal(stored, JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize(stored, serializer.StateTypeInfo<TradingState>())!, serializer.StateTypeInfo<TradingState>()));
    }
}
