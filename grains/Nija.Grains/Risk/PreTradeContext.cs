using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Settings;
using Nija.Grains.Exchange;
using Nija.Grains.Plans;
using Nija.Grains.Protections;

namespace Nija.Grains.Risk;

/// <summary>Everything a pre-trade check looks at, gathered by the trading grain.</summary>
public sealed record PreTradeContext(
    PlaceOrderRequest Request,
    decimal Price,
    decimal Quantity,
    PaperAccount Account,
    decimal EquityPeak,
    decimal DayStartEquity,
    UsageQuota Quota,
    int ConsecutiveBrokerErrors,
    KillSwitchState UserSwitch,
    KillSwitchState GlobalSwitch,
    UserSettings Settings,
    PlanLimits Plan,
    RiskOptions Options,
    DateTimeOffset Now,
    ProtectionLock? Lock = null,
    decimal PlatformSymbolExposure = 0,
    string? VenueProblem = null)
{
    public decimal Notional => Price * Quantity;

    /// <summary>Spot and long-only: a buy opens or adds, a sell reduces.</summary>
    public bool IsEntry => Request.Side == OrderSide.Buy;
}
