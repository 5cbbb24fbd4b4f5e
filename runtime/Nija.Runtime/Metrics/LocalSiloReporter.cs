using System.Diagnostics;
using Nija.Runtime.Cluster;
using Nija.Runtime.Reminders;

namespace Nija.Runtime.Metrics;

/// <summary>Builds this silo's <see cref="SiloReport"/>: runtime figures plus the process's CPU and memory.</summary>
internal sealed class LocalSiloReporter(IRuntimeStatistics statistics, ClusterView view, ReminderService reminders, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private (long Timestamp, TimeSpan Cpu) _previous = (time.GetTimestamp(), ProcessCpu());

    public SiloReport Report()
    {
        using var process = Process.GetCurrentProcess();
        double cpu;
        lock (_lock)
        {
            var now = (time.GetTimestamp(), process.TotalProcessorTime);
            var wall = time.GetElapsedTime(_previous.Timestamp, now.Item1);
            cpu = wall > TimeSpan.Zero ? Math.Round((now.Item2 - _previous.Cpu) / wall * 100, 1) : 0;
            _previous = now;
        }

        var status = !view.IsEnabled ? "Active" : view.Self is { } self ? view.Snapshot.Find(self)?.Status.ToString() ?? "Joining" : "Client";
        return new SiloReport(view.SiloAddress, status, Environment.MachineName, _started, cpu, process.WorkingSet64, GC.GetTotalMemory(false), reminders.Scheduled.Count, statistics.GetSnapshot());
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
