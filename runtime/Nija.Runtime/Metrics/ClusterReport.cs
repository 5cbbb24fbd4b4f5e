namespace Nija.Runtime.Metrics;

/// <summary>The whole cluster at one moment: every silo's report and the figures summed across them.</summary>
/// <param name="TakenAt">When the reports were gathered.</param>
/// <param name="MembershipVersion">The membership view the silos were listed from.</param>
/// <param name="Silos">Each silo that answered.</param>
/// <param name="Unreachable">Silos listed as active that did not answer in time.</param>
/// <param name="Methods">Per grain type and method across the cluster: calls and errors summed, calls/s since the previous report, p50/p99 of every silo's calls together (merged histograms).</param>
/// <param name="ActivationsByType">Activations per grain type across the cluster.</param>
public sealed record ClusterReport(
    DateTimeOffset TakenAt,
    long MembershipVersion,
    IReadOnlyList<SiloReport> Silos,
    IReadOnlyList<string> Unreachable,
    IReadOnlyList<ClusterMethodFigures> Methods,
    IReadOnlyDictionary<string, int> ActivationsByType);

/// <summary>One grain method across the cluster.</summary>
/// <param name="GrainType">The grain type.</param>
/// <param name="Method">"Interface.Method".</param>
/// <param name="Calls">Calls completed, all silos.</param>
/// <param name="Errors">Calls failed, all silos.</param>
/// <param name="CallsPerSecond">Calls per second since this process's previous report (since start for the first).</param>
/// <param name="P50Ms">The median of all silos' calls together (their histograms merged).</param>
/// <param name="P99Ms">The 99th percentile of all silos' calls together.</param>
public sealed record ClusterMethodFigures(string GrainType, string Method, long Calls, long Errors, double CallsPerSecond, double P50Ms, double P99Ms);
