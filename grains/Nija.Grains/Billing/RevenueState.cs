using Nija.GrainInterfaces.Billing;

namespace Nija.Grains.Billing;

public sealed class RevenueState
{
    /// <summary>Each user's current contribution (absent: none).</summary>
    public Dictionary<string, RevenueContribution> Subscribers { get; set; } = new(StringComparer.Ordinal);

    public int TrialsConverted { get; set; }

    public int TrialsEnded { get; set; }

    public int FailedPayments { get; set; }

    /// <summary>Collected revenue per plan name.</summary>
    public Dictionary<string, decimal> RevenueByPlan { get; set; } = new(StringComparer.Ordinal);

    /// <summary>MRR at the last change of each month ("yyyy-MM").</summary>
    public SortedDictionary<string, decimal> MrrByMonth { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Paying subscribers at the start of each month, and cancellations during it.</summary>
    public Dictionary<string, int> PayingAtMonthStart { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> ChurnedInMonth { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Subscribers who started paying during each month.</summary>
    public Dictionary<string, int> NewPayingInMonth { get; set; } = new(StringComparer.Ordinal);
}
