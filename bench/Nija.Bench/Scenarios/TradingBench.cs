using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Nija.Bench.Grains;
using Nija.Bench.Support;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Settings;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Exchange;
using Nija.Grains.Hosting;
using Nija.Grains.Plans;
using Nija.Grains.Risk;
using Nija.Grains.Trading;
using Nija.Runtime.Hosting;
using Nija.Runtime.Persistence;
using Nija.Runtime.Serialization;
using Nija.Runtime.Testing;

namespace Nija.Bench.Scenarios;

/// <summary>The trading core's figures: pre-trade check + paper fill, orders per second over many tenants, memory per tenant, emergency stop.</summary>
public static class TradingBench
{
    private const int Tenants = 10_000;

    public static async Task RunAsync(Report report, TimeSpan duration)
    {
        report.Heading("Trading core",
            "Pre-trade check + paper fill: the in-grain work of a market order (all checks, the book walk, applying the fill), timed per order over 200,000 orders. " +
            $"Orders/s: {Tenants:N0} tenants on one silo (in-memory storage), 256 callers each alternating a $30 market buy and the matching sell; baseline: plain grain calls in the same run. " +
            "Memory: heap growth per tenant after each of them has traded once and gone idle. Emergency stop: from calling the global stop to the moment it returns, after which every pre-trade check on the silo sees it. " +
            "Trading state to JSON: the state of 200 of those tenants after the run, serialized one after another on one thread (best of 5 rounds of 1 s each), by its generated context against the silo's reflection-based options in the same run.");
        var rows = new List<string[]>();
        rows.Add(PreTradeCheckLatency());

        await using var silo = await TestSilo.StartAsync(s => s.AddGrains(typeof(TradingGrain).Assembly).AddGrains(typeof(AdderGrain).Assembly).UseInMemoryStorage().AddTradingServices());
        var factory = silo.GrainFactory;
        var before = ManagedHeap.Measure();
        await ParallelWork.RateAsync(Tenants, 256, async i =>
        {
            await factory.GetGrain<ITradingGrain>($"t{i}").SetPlan(PlanTier.Enterprise); // 500 trades a day: the quota must not end the run
            await factory.GetGrain<IUserSettingsGrain>($"t{i}").Get();
        });

        await ParallelWork.RateAsync(Tenants, 256, i => factory.GetGrain<ITradingGrain>($"t{i}").PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 30m)));
        var perTenant = (ManagedHeap.Measure() - before) / (double)Tenants;

        var orders = await ParallelWork.ForDurationAsync(256, duration, async w =>
        {
            var tenant = factory.GetGrain<ITradingGrain>($"t{(w * 7919 + Environment.TickCount) % Tenants}");
            var bought = await tenant.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 30m));
            if (bought.Order.FilledQuantity > 0)
            {
                await tenant.PlaceOrder(new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Sell, OrderType.Market, Quantity: bought.Order.FilledQuantity));
            }
        }) * 2;
        var adders = Enumerable.Range(0, Tenants).Select(i => factory.GetGrain<IAdderGrain>(i)).ToArray();
        var calls = await ParallelWork.ForDurationAsync(256, duration, w => adders[(w * 7919 + Environment.TickCount) % Tenants].Add(1));
        rows.Add(["orders/s, 10,000 tenants (buy+sell pairs, counted per order)", Report.N(orders), ">= 20,000", $"plain grain calls: {Report.N(calls)}/s"]);
        rows.Add(["heap per tenant after one trade, idle", $"{Report.N(perTenant / 1024, 1)} KB", "<= 20 KB", "trading + settings grains and state"]);
        rows.Add(await StateSerializationAsync(silo));

        var global = factory.GetGrain<IGlobalRiskGrain>("global");
        var stops = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var sw = Stopwatch.StartNew();
            await global.SetKillSwitch(i % 2 == 0 ? KillSwitchLevel.Stop : KillSwitchLevel.Off, "bench", "bench");
            stops.Add(sw.Elapsed.TotalMilliseconds);
        }

        stops.Sort();
        rows.Add(["emergency stop until every check sees it (20 toggles)", $"p50 {Report.N(stops[10], 3)} ms, max {Report.N(stops[^1], 3)} ms", "<= 100 ms", "cache updated before the call returns"]);
        report.Table(["figure", "measured", "goal", "baseline / note"], rows);
    }

    // The trading state is written with every order, so its JSON is on the order path.
    private static async Task<string[]> StateSerializationAsync(TestSilo silo)
    {
        var serializer = silo.Services.GetRequiredService<RuntimeSerializer>();
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        var generated = serializer.StateTypeInfo<TradingState>();
        var reflection = (JsonTypeInfo<TradingState>)serializer.Options.GetTypeInfo(typeof(TradingState));
        var states = new List<TradingState>();
        for (var i = 0; i < 200; i++)
        {
            var stored = await storage.ReadAsync(new StateKey("nija", "trading", $"t{i}", "trading"), default);
            states.Add(JsonSerializer.Deserialize(stored!.Payload, generated)!);
        }

        var bytes = states.Average(s => JsonSerializer.SerializeToUtf8Bytes(s, generated).Length);
        var best = new[] { (Us: double.MaxValue, Kb: 0d), (Us: double.MaxValue, Kb: 0d) };
        for (var round = 0; round < 10; round++)
        {
            var typeInfo = round % 2 == 0 ? generated : reflection;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            var count = 0;
            while (sw.ElapsedMilliseconds < 1_000)
            {
                foreach (var state in states)
                {
                    JsonSerializer.SerializeToUtf8Bytes(state, typeInfo);
                    count++;
                }
            }

            var us = sw.Elapsed.TotalMicroseconds / count;
            best[round % 2] = us < best[round % 2].Us ? (us, (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024d / count) : best[round % 2];
        }

        return [$"trading state to JSON ({Report.N(bytes)} bytes), written with every order", $"{Report.N(best[0].Us, 2)} µs, {Report.N(best[0].Kb, 1)} KB allocated", "-",
            $"silo's reflection-based options: {Report.N(best[1].Us, 2)} µs, {Report.N(best[1].Kb, 1)} KB"];
    }

    private static string[] PreTradeCheckLatency()
    {
        var exchange = new PaperExchange(new PaperExchangeOptions());
        var risk = new RiskOptions();
        var plan = PlanCatalog.Default.For(PlanTier.Pro);
        var at = DateTimeOffset.UnixEpoch;
        var samples = new long[200_000];
        var request = new PlaceOrderRequest("paper", "ETH-USD", OrderSide.Buy, OrderType.Market, SizeUsd: 30m);
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < samples.Length; i++)
            {
                var account = new PaperAccount { Cash = 1_000m };
                var start = Stopwatch.GetTimestamp();
                var quantity = Math.Round(30m / 3_000m, 8);
                var block = PreTradeCheck.Evaluate(new PreTradeContext(request, 3_000m, quantity, account, 1_000m, 1_000m, new UsageQuota(), 0,
                    KillSwitchState.Initial, KillSwitchState.Initial, UserSettings.Default, plan, risk, at));
                if (block is null)
                {
                    foreach (var fill in exchange.ExecuteMarket("ETH-USD", OrderSide.Buy, quantity, 3_000m, at))
                    {
                        account.Apply("paper", "ETH-USD", OrderSide.Buy, fill);
                    }
                }

                samples[i] = Stopwatch.GetTimestamp() - start;
            }
        }

        Array.Sort(samples);
        double Us(long t) => t * 1e6 / Stopwatch.Frequency;
        return ["pre-trade check + paper fill", $"p50 {Report.N(Us(samples[samples.Length / 2]), 2)} µs, p99 {Report.N(Us(samples[(int)(samples.Length * 0.99)]), 2)} µs", "p99 < 50 µs", "in-grain work, no I/O"];
    }
}
