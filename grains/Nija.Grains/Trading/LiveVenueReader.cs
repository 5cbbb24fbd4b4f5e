using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Nija.GrainInterfaces.Brokers;
using Nija.GrainInterfaces.Orders;
using Nija.Grains.Brokers;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Grains.Trading;

/// <summary>
/// Reads what a live order is checked against: the exchange's last price (public ticker), its rules
/// for the symbol (cached), and the account's balance of the quote asset (through the tenant's
/// credentials grain, at most every <see cref="LiveTradingOptions.BalanceMaxAge"/>).
/// </summary>
public sealed class LiveVenueReader(ExchangeAdapters adapters, SymbolRulesCache rules, IOptions<LiveTradingOptions> options)
{
    private readonly ConcurrentDictionary<(string Broker, string Symbol), (decimal Price, DateTimeOffset At)> _prices = new();

    public LiveTradingOptions Options => options.Value;

    /// <summary>An exchange that failed or could not be asked, here or (rebuilt by type) on another silo's credentials grain.</summary>
    public static bool IsExchangeFailure(Exception e) =>
        e is ExchangeException or HttpRequestException or TaskCanceledException or RemoteGrainException;

    /// <summary><paramref name="quantity"/> rounded down to the exchange's step (what a sell of a whole position can send; the rest is dust).</summary>
    public async Task<decimal> SellableAsync(string broker, string symbol, decimal quantity)
    {
        try
        {
            return (await rules.GetAsync(adapters.Get(broker), symbol, CancellationToken.None)).RoundDown(quantity);
        }
        catch (Exception e) when (IsExchangeFailure(e))
        {
            return quantity;
        }
    }

    /// <summary>
    /// The exchange's last price of <paramref name="symbol"/> for held stops and fee valuation, shared by
    /// every tenant on this silo and read again once it is a <see cref="LiveTradingOptions.StopCheckInterval"/>
    /// old; null while the exchange cannot be read (stops wait for the next check).
    /// </summary>
    public async Task<decimal?> LastPriceAsync(IGrainFactory grains, string broker, string symbol, DateTimeOffset now)
    {
        if (_prices.TryGetValue((broker, symbol), out var known) && now - known.At < options.Value.StopCheckInterval)
        {
            return known.Price;
        }

        var adapter = adapters.Get(broker);
        try
        {
            var price = await BrokerGuard.RunAsync(grains, adapter.Name, adapter.Weight(ExchangeCall.Price), () => adapter.GetPriceAsync(symbol, CancellationToken.None));
            _prices[(broker, symbol)] = (price, now);
            return price;
        }
        catch (Exception e) when (IsExchangeFailure(e))
        {
            return null;
        }
    }

    /// <summary>The price and venue; an exchange that cannot be read gives <paramref name="fallbackPrice"/> and a venue saying why.</summary>
    public async Task<(decimal Price, LiveVenue Venue)> ReadAsync(IGrainFactory grains, string userId, PlaceOrderRequest request, LiveAccount account, decimal fallbackPrice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(account);
        var adapter = adapters.Get(request.Broker);
        var keys = grains.GetGrain<IBrokerCredentialsGrain>(userId);
        if (!(await keys.List()).Any(k => k.Broker == adapter.Name))
        {
            return (fallbackPrice, new LiveVenue(null, $"no {adapter.Name} key is stored; add one under settings"));
        }

        try
        {
            var price = await BrokerGuard.RunAsync(grains, adapter.Name, adapter.Weight(ExchangeCall.Price), () => adapter.GetPriceAsync(request.Symbol, CancellationToken.None));
            // Fresh, so the stop checks of this interval need not read it again.
            _prices[(request.Broker, request.Symbol)] = (price, now);
            var symbolRules = await rules.GetAsync(adapter, request.Symbol, CancellationToken.None);
            if (account.BalanceReadAt is not { } readAt || now - readAt >= options.Value.BalanceMaxAge)
            {
                account.ReadCash(await keys.GetBalances(adapter.Name), LiveOrders.QuoteOf(request.Symbol), now);
            }

            return (price, new LiveVenue(symbolRules, null));
        }
        catch (Exception e) when (IsExchangeFailure(e))
        {
            return (fallbackPrice, new LiveVenue(null, $"{adapter.Name} could not be read: {e.Message}", BrokerFailed: true));
        }
    }
}
