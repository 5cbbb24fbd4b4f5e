using System.Text.Json;
using Nija.GrainInterfaces.Billing;
using Nija.Grains.Plans;

namespace Nija.Grains.Billing;

/// <summary>
/// Reads a Stripe event (API version pinned, see <see cref="StripeOptions.ApiVersion"/>) into a
/// <see cref="ProviderEvent"/>, with the user it names when it names one (subscription metadata
/// user_id, or a Checkout session's client_reference_id). Amounts are in cents.
/// </summary>
public static class StripeEvents
{
    public static (ProviderEvent Event, string? UserId) Parse(string json, PlanCatalog plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var id = Text(root, "id") ?? throw new FormatException("The event has no id.");
        var type = Text(root, "type") ?? throw new FormatException("The event has no type.");
        var created = DateTimeOffset.FromUnixTimeSeconds(root.TryGetProperty("created", out var c) && c.TryGetInt64(out var s) ? s : 0);
        var obj = root.GetProperty("data").GetProperty("object");
        var kind = Text(obj, "object");
        var evt = new ProviderEvent("stripe", id, type, Text(obj, "id") ?? id, created, CustomerId: Text(obj, "customer"));
        string? user = Metadata(obj);
        switch (kind)
        {
            case "subscription":
                var price = obj.TryGetProperty("items", out var items) && items.GetProperty("data").GetArrayLength() > 0
                    ? Text(items.GetProperty("data")[0].GetProperty("price"), "id")
                    : null;
                var plan = plans.OfStripePrice(price);
                evt = evt with
                {
                    SubscriptionId = Text(obj, "id"),
                    Status = Text(obj, "status"),
                    Plan = plan?.Tier,
                    Interval = plan?.Interval,
                    PeriodStart = Time(obj, "current_period_start"),
                    PeriodEnd = type == "customer.subscription.trial_will_end" ? Time(obj, "trial_end") : Time(obj, "current_period_end"),
                    CancelAtPeriodEnd = obj.TryGetProperty("cancel_at_period_end", out var cancel) && cancel.ValueKind is JsonValueKind.True,
                };
                break;
            case "checkout.session":
                evt = evt with { SubscriptionId = Text(obj, "subscription") };
                user ??= Text(obj, "client_reference_id");
                break;
            case "invoice":
                var cents = type == "invoice.paid" ? Long(obj, "amount_paid") : Long(obj, "amount_due");
                evt = evt with { SubscriptionId = Text(obj, "subscription"), AmountUsd = cents / 100m };
                if (user is null && obj.TryGetProperty("subscription_details", out var details))
                {
                    user = Metadata(details);
                }

                break;
        }

        return (evt, user);
    }

    private static string? Metadata(JsonElement obj) =>
        obj.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? Text(m, "user_id") : null;

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Long(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : 0;

    private static DateTimeOffset? Time(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? DateTimeOffset.FromUnixTimeSeconds(n) : null;
}
