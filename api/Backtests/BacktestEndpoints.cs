using System.Collections.Immutable;
using Nija.Api.Common;
using Nija.GrainInterfaces.Backtests;
using Nija.Grains.Strategies;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Backtests;

/// <summary>/api/v1/backtests: run a strategy over a given or simulated series and get the statistics and equity curve.</summary>
internal static class BacktestEndpoints
{
    public static RouteGroupBuilder MapBacktestEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/strategies", () => Results.Ok(StrategyCatalog.Names));
        group.MapPost("/", async (Body<RunBacktestRequest> body, IGrainFactory grains) =>
        {
            var r = body.Value;
            var report = await grains.GetGrain<IBacktestGrain>(0).Run(new BacktestRequest(r.Strategy, r.Symbol, r.Series, r.Steps ?? 1_440, r.Seed ?? 7));
            var step = Math.Max(1, report.Equity.Length / 500); // the curve thinned to about 500 points for charts
            return Results.Ok(new
            {
                strategy = report.Strategy,
                prices = report.Prices,
                stats = report.Stats,
                equity = report.Equity.Where((_, i) => i % step == 0 || i == report.Equity.Length - 1),
                fills = report.Fills.Length,
            });
        });
        return group;
    }
}

internal sealed record RunBacktestRequest(string Strategy, string Symbol, int? Steps = null, int? Seed = null, ImmutableArray<PricePoint>? Series = null);
