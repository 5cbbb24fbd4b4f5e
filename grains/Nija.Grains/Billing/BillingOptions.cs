using Microsoft.Extensions.Options;

namespace Nija.Grains.Billing;

/// <summary>
/// Nija:Billing. With no Stripe secret key the simulated processor runs the same lifecycle offline
/// (the embedded default); with one, Stripe's REST API does.
/// </summary>
public sealed class BillingOptions
{
    public const string Section = "Nija:Billing";

    public int TrialDays { get; set; } = 14;

    /// <summary>Days after a failed payment before live trading is suspended (paper trading stays).</summary>
    public int GraceDays { get; set; } = 3;

    /// <summary>Where checkout and the portal send the user back to (the dashboard).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public StripeOptions Stripe { get; set; } = new();

    public MidtransOptions Midtrans { get; set; } = new();

    /// <summary>"stripe", "midtrans" or "simulated"; empty picks Stripe when its secret key is set, else Midtrans when its server key is, else simulated.</summary>
    public string? PaymentProvider { get; set; }

    public bool UsesStripe => !string.IsNullOrWhiteSpace(Stripe.SecretKey);

    /// <summary>The provider in use.</summary>
    public string Provider => PaymentProvider is { Length: > 0 } chosen ? chosen.ToLowerInvariant()
        : UsesStripe ? "stripe"
        : !string.IsNullOrWhiteSpace(Midtrans.ServerKey) ? "midtrans"
        : "simulated";
}

/// <summary>Nija:Billing:Stripe.</summary>
public sealed class StripeOptions
{
    public string? SecretKey { get; set; }

    public string? WebhookSecret { get; set; }

    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>The API version every request pins (Stripe-Version), so that an account upgrade never changes payloads under us.</summary>
    public string ApiVersion { get; set; } = "2024-06-20";

    /// <summary>The billing meter's event name for metered API calls.</summary>
    public string MeterEventName { get; set; } = "nija_api_calls";

    public int MaxRetries { get; set; } = 3;
}

/// <summary>Nija:Billing:Midtrans.</summary>
public sealed class MidtransOptions
{
    public string? ServerKey { get; set; }

    public string ApiBase { get; set; } = "https://app.sandbox.midtrans.com";

    /// <summary>Rupiah per US dollar for Snap amounts (Midtrans charges in IDR).</summary>
    public decimal IdrPerUsd { get; set; } = 16_000m;
}

public sealed class BillingOptionsValidator : IValidateOptions<BillingOptions>
{
    public ValidateOptionsResult Validate(string? name, BillingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.TrialDays is < 0 or > 90)
        {
            errors.Add($"{BillingOptions.Section}:TrialDays must be between 0 and 90.");
        }

        if (options.GraceDays is < 0 or > 30)
        {
            errors.Add($"{BillingOptions.Section}:GraceDays must be between 0 and 30.");
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out _))
        {
            errors.Add($"{BillingOptions.Section}:PublicBaseUrl must be an absolute URL.");
        }

        if (!Uri.TryCreate(options.Stripe.ApiBase, UriKind.Absolute, out _))
        {
            errors.Add($"{BillingOptions.Section}:Stripe:ApiBase must be an absolute URL.");
        }

        if (options.UsesStripe && string.IsNullOrWhiteSpace(options.Stripe.WebhookSecret))
        {
            errors.Add($"{BillingOptions.Section}:Stripe:WebhookSecret is required with a secret key.");
        }

        if (options.Provider is not ("stripe" or "midtrans" or "simulated"))
        {
            errors.Add($"{BillingOptions.Section}:PaymentProvider must be stripe, midtrans or simulated.");
        }
        else if (options.Provider == "stripe" && !options.UsesStripe)
        {
            errors.Add($"{BillingOptions.Section}:Stripe:SecretKey is required when the provider is stripe.");
        }
        else if (options.Provider == "midtrans" && string.IsNullOrWhiteSpace(options.Midtrans.ServerKey))
        {
            errors.Add($"{BillingOptions.Section}:Midtrans:ServerKey is required when the provider is midtrans.");
        }

        if (options.Stripe.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{BillingOptions.Section}:Stripe:MaxRetries must be between 0 and 10.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
