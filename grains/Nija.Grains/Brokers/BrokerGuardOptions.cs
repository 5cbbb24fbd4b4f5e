using Microsoft.Extensions.Options;

namespace Nija.Grains.Brokers;

/// <summary>
/// Nija:BrokerGuard: each exchange's request budget (a token bucket: a rate and a burst) and when
/// its circuit opens (consecutive failures) and for how long. Defaults follow the exchanges' public
/// limits: Binance 6,000 request weight a minute per address (100/s; an order with its balance and fill
/// reads weighs about 45), Kraken's starter counter
/// (15, decaying about 0.33/s).
/// </summary>
public sealed class BrokerGuardOptions
{
    public const string Section = "Nija:BrokerGuard";

    public Dictionary<string, BrokerBudget> Budgets { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["binance"] = new BrokerBudget { PerSecond = 100, Burst = 200 },
        ["kraken"] = new BrokerBudget { PerSecond = 0.33, Burst = 15 },
        ["paper"] = new BrokerBudget { PerSecond = 10_000, Burst = 10_000 },
    };

    public int FailuresToOpen { get; set; } = 5;

    public int OpenSeconds { get; set; } = 30;

    public BrokerBudget BudgetOf(string broker) => Budgets.TryGetValue(broker, out var b) ? b : new BrokerBudget();
}

/// <summary>A token bucket: refills <see cref="PerSecond"/> tokens a second up to <see cref="Burst"/>.</summary>
public sealed class BrokerBudget
{
    public double PerSecond { get; set; } = 5;

    public double Burst { get; set; } = 10;
}

public sealed class BrokerGuardOptionsValidator : IValidateOptions<BrokerGuardOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Budgets.Where(b => b.Value.PerSecond <= 0 || b.Value.Burst < 1)
            .Select(b => $"{BrokerGuardOptions.Section}:Budgets:{b.Key} needs PerSecond above 0 and Burst of at least 1.").ToList();
        if (options.FailuresToOpen < 1)
        {
            errors.Add($"{BrokerGuardOptions.Section}:FailuresToOpen must be at least 1.");
        }

        if (options.OpenSeconds is < 1 or > 3600)
        {
            errors.Add($"{BrokerGuardOptions.Section}:OpenSeconds must be between 1 and 3600.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
