using Microsoft.Extensions.Options;

namespace Nija.Grains.MarketData;

/// <summary>
/// Nija:MarketData: how often each symbol's simulated feed steps by itself. Off (zero) unless
/// configured, so that tests and backtests move prices only when they say; the embedded default
/// (api/appsettings.json) steps every second so that the dashboard's prices and P&amp;L move.
/// </summary>
public sealed class MarketDataOptions
{
    public const string Section = "Nija:MarketData";

    /// <summary>Time between steps of a symbol's simulated feed once the symbol is in use; zero keeps prices still until stepped, published or replayed.</summary>
    public TimeSpan StepInterval { get; set; } = TimeSpan.Zero;
}

public sealed class MarketDataOptionsValidator : IValidateOptions<MarketDataOptions>
{
    public ValidateOptionsResult Validate(string? name, MarketDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.StepInterval == TimeSpan.Zero || (options.StepInterval >= TimeSpan.FromMilliseconds(100) && options.StepInterval <= TimeSpan.FromHours(1))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{MarketDataOptions.Section}:StepInterval must be zero (off) or between 00:00:00.1 and 01:00:00.");
    }
}
