using Microsoft.Extensions.Options;

namespace Nija.Grains.Trading;

/// <summary>
/// Nija:LiveTrading: how orders on real exchanges are followed. An order whose answer was lost is
/// looked up by its client order id at each reconciliation; one the exchange still does not know
/// after <see cref="NotReceivedAfter"/> is rejected as never received (Binance refuses a request
/// older than its 5 s receive window, so it cannot appear later).
/// </summary>
public sealed class LiveTradingOptions
{
    public const string Section = "Nija:LiveTrading";

    /// <summary>Time between reconciliations while a live order is working or its outcome is unknown (none run otherwise).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an order the exchange does not know may stay unknown before it is rejected as never received.</summary>
    public TimeSpan NotReceivedAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often held stops (stop-loss, take-profit, trailing) are checked against their exchange's
    /// price. A silo reads each exchange's price of a symbol at most once per interval, however many
    /// tenants hold stops on it.
    /// </summary>
    public TimeSpan StopCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a read of the exchange balance is used for the pre-trade checks before it is read again.</summary>
    public TimeSpan BalanceMaxAge { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class LiveTradingOptionsValidator : IValidateOptions<LiveTradingOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveTradingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.ReconcileInterval < TimeSpan.FromSeconds(1) || options.ReconcileInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"{LiveTradingOptions.Section}:ReconcileInterval must be between 00:00:01 and 01:00:00.");
        }

        if (options.StopCheckInterval < TimeSpan.FromMilliseconds(250) || options.StopCheckInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{LiveTradingOptions.Section}:StopCheckInterval must be between 00:00:00.25 and 00:01:00.");
        }

        if (options.NotReceivedAfter < TimeSpan.FromSeconds(10))
        {
            errors.Add($"{LiveTradingOptions.Section}:NotReceivedAfter must be at least 00:00:10 (longer than any exchange's receive window).");
        }

        if (options.BalanceMaxAge < TimeSpan.Zero || options.BalanceMaxAge > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{LiveTradingOptions.Section}:BalanceMaxAge must be between 00:00:00 and 00:05:00.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
