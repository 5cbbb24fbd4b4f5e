using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;

namespace Nija.Api.Billing;

internal sealed record SubscribeRequest(PlanTier Plan, BillingInterval Interval = BillingInterval.Monthly);

internal sealed record ChangePlanRequest(PlanTier Plan);

internal sealed record PaymentMethodRequest(string PaymentMethod);
