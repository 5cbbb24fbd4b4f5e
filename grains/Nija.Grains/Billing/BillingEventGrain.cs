using Nija.GrainInterfaces.Billing;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Billing;

public sealed class BillingEventState
{
    public DateTimeOffset? ProcessedAt { get; set; }
}

/// <summary>
/// Exactly-once processing of one webhook event. Calls to one grain run one at a time, so a second
/// delivery (even a concurrent one) waits for the first and then finds it processed. The mark is
/// written after the subscription applied the event: a crash in between means the provider's retry
/// applies it again, and the subscription's object-version check makes that harmless.
/// </summary>
[GrainType("billingevent")]
public sealed class BillingEventGrain([PersistentState("event")] IPersistentState<BillingEventState> state, TimeProvider time) : Grain, IBillingEventGrain
{
    async Task<bool> IBillingEventGrain.Process(ProviderEvent providerEvent, string userId)
    {
        if (state.State.ProcessedAt is not null)
        {
            return false;
        }

        await GrainFactory.GetGrain<ISubscriptionGrain>(userId).Apply(providerEvent);
        state.State.ProcessedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return true;
    }
}

public sealed class BillingCustomerState
{
    public string? UserId { get; set; }
}

/// <summary>A provider's customer id → the user, for webhooks that carry only the customer.</summary>
[GrainType("billingcustomer")]
public sealed class BillingCustomerGrain([PersistentState("customer")] IPersistentState<BillingCustomerState> state) : Grain, IBillingCustomerGrain
{
    async Task IBillingCustomerGrain.Link(string userId)
    {
        if (state.State.UserId == userId)
        {
            return;
        }

        if (state.State.UserId is not null)
        {
            throw new InvalidOperationException("This customer already belongs to another user.");
        }

        state.State.UserId = userId;
        await state.WriteStateAsync();
    }

    Task<string?> IBillingCustomerGrain.UserId() => Task.FromResult(state.State.UserId);
}
