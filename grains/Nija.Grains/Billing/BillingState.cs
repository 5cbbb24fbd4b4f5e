using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;

namespace Nija.Grains.Billing;

public sealed class BillingState
{
    /// <summary>The paid (or trial) plan; what applies also depends on <see cref="Status"/>.</summary>
    public PlanTier Plan { get; set; } = PlanTier.Free;

    /// <summary>A plan granted at no charge (by an admin or an invitation).</summary>
    public PlanTier? CompPlan { get; set; }

    public SubscriptionStatus Status { get; set; }

    public BillingInterval Interval { get; set; }

    public string Provider { get; set; } = "simulated";

    public bool TrialUsed { get; set; }

    public DateTimeOffset? TrialEndsAt { get; set; }

    public DateTimeOffset? PeriodStart { get; set; }

    public DateTimeOffset? PeriodEnd { get; set; }

    public bool CancelAtPeriodEnd { get; set; }

    public PlanTier? PendingPlan { get; set; }

    public DateTimeOffset? PastDueSince { get; set; }

    public bool LiveTradingSuspended { get; set; }

    public string? PaymentMethod { get; set; }

    public string? CustomerId { get; set; }

    public string? SubscriptionId { get; set; }

    /// <summary>The newest timestamp applied per provider object, to ignore events that arrive out of order.</summary>
    public Dictionary<string, DateTimeOffset> ObjectVersions { get; set; } = new(StringComparer.Ordinal);

    public List<Invoice> Invoices { get; set; } = [];

    public long NextInvoice { get; set; } = 1;

    /// <summary>The last UTC day whose metered calls were reported to the provider.</summary>
    public DateOnly? UsageReportedThrough { get; set; }

    /// <summary>The plan last pushed to the account, so that only changes are pushed.</summary>
    public PlanTier? AppliedPlan { get; set; }
}
