using Nija.GrainInterfaces.Backtests;
using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Settings;
using Nija.Grains.Performance;
using Nija.Grains.Strategies;
using Nija.Grains.Trading;

namespace Nija.Grains.Backtests;

/// <summary>
/// Replays a price series through a strategy, the <see cref="StrategyDriver"/> and the
/// <see cref="OrderProcessor"/>: the same checks, the same paper exchange, the same fills as the
/// live bot would get on the same prices.
/// </summary>
public sealed class BacktestEngine(OrderProcessor processor)
{
    public BacktestReport Run(IStrategy strategy, IReadOnlyList<PricePoint> series, UserSettings settings, PlanTier plan = PlanTier.Pro)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(series);
        var state = new TradingState { Plan = plan };
        var equity = new List<(DateTimeOffset, decimal)>();
        var fills = new List<BacktestFill>();
        var pnls = new List<decimal>();
        if (series.Count > 0)
        {
            processor.Initialize(state, "backtest", series[0].At);
        }

        foreach (var point in series)
        {
            processor.OnPrices(state, new Dictionary<string, decimal> { [point.Symbol] = point.Price }, point.At);
            if (StrategyDriver.OnPrice(strategy, point.Symbol, point.Price, point.At, state.Account, settings, entriesAllowed: true) is { } request)
            {
                var realizedBefore = state.Account.RealizedPnl;
                var order = processor.Place(state, "backtest", request, point.Price, settings, KillSwitchState.Initial, point.At);
                fills.AddRange(order.Fills.Select(f => new BacktestFill(order.Symbol, order.Side, f)));
                if (order.Side == OrderSide.Sell && order.Fills.Count > 0)
                {
                    pnls.Add(state.Account.RealizedPnl - realizedBefore);
                }
            }

            equity.Add((point.At, state.Account.Equity()));
            state.Outbox.Clear(); // a backtest keeps its own record; nothing goes to the history store
        }

        var stats = PerformanceCalculator.Compute(pnls, equity, fills.Sum(f => f.Fill.Price * f.Fill.Quantity));
        return new BacktestReport(strategy.Name, series.Count, stats, [.. equity.Select(e => new EquityPoint(e.Item1, e.Item2))], [.. fills]);
    }
}
