using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Billing;

/// <summary>
/// One webhook event (key: "provider:event id"): processed exactly once. Deliveries of the same
/// event, even concurrent ones, queue on this grain; the first applies it, the rest see it done.
/// </summary>
public interface IBillingEventGrain : IGrainWithStringKey
{
    /// <summary>Applies the event to the user's subscription unless it already was; true when this call applied it.</summary>
    Task<bool> Process(ProviderEvent providerEvent, string userId);
}

/// <summary>Which user a provider's customer is (key: "provider:customer id").</summary>
public interface IBillingCustomerGrain : IGrainWithStringKey
{
    Task Link(string userId);

    [Nija.Runtime.Abstractions.Concurrency.ReadOnly]
    Task<string?> UserId();
}
