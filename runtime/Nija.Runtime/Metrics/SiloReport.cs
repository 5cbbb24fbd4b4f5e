namespace Nija.Runtime.Metrics;

/// <summary>One silo's figures for the cluster dashboard.</summary>
/// <param name="Silo">"host:port@generation", or "local" outside a cluster.</param>
/// <param name="Status">Its membership status ("Active" outside a cluster).</param>
/// <param name="HostName">The machine or pod.</param>
/// <param name="StartedAt">When the process started.</param>
/// <param name="CpuPercent">Process CPU since the previous report (100 = one core).</param>
/// <param name="WorkingSetBytes">Resident memory.</param>
/// <param name="ManagedHeapBytes">Managed heap in use.</param>
/// <param name="Reminders">Reminders this silo ticks.</param>
/// <param name="Runtime">Activations by type and per-method call figures.</param>
public sealed record SiloReport(
    string Silo,
    string Status,
    string HostName,
    DateTimeOffset StartedAt,
    double CpuPercent,
    long WorkingSetBytes,
    long ManagedHeapBytes,
    int Reminders,
    RuntimeSnapshot Runtime);
