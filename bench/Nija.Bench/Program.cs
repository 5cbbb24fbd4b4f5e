using Nija.Bench.Scenarios;
using Nija.Bench.Support;

// Usage: Nija.Bench [calls] [activations] [memory] [writes] [trading] [api] [cluster] [placement] [failover] [rebalance] [--seconds N] [--kills N] [--out FILE]
// PostgreSQL scenarios read NIJA_BENCH_POSTGRES (bench/run.sh starts a throwaway server).
if (args.Length > 0 && args[0] == "paced")
{
    return await PacedLoad.ChildMainAsync(args[1..]); // the open loop's child process (see PacedLoad)
}

var known = new[] { "calls", "activations", "memory", "writes", "trading", "api", "cluster", "placement", "failover", "rebalance" };
var scenarios = args.Where(a => known.Contains(a, StringComparer.OrdinalIgnoreCase)).ToHashSet(StringComparer.OrdinalIgnoreCase);
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(5);
var kills = args.SkipWhile(a => a != "--kills").Skip(1).Select(int.Parse).FirstOrDefault(20);
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
if (scenarios.Count == 0)
{
    scenarios = [.. known];
}

var report = new Report();
report.Note($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; " +
            $"run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, Release build, workstation GC.");
var duration = TimeSpan.FromSeconds(seconds);
var postgres = Environment.GetEnvironmentVariable("NIJA_BENCH_POSTGRES");
await using var pool = postgres is null ? null : Npgsql.NpgsqlDataSource.Create(postgres);
var stores = BenchStore.Create(pool, postgres);
if (scenarios.Contains("calls"))
{
    await CallThroughput.RunAsync(report, duration);
}

if (scenarios.Contains("activations"))
{
    await ActivationRate.RunAsync(report, stores);
}

if (scenarios.Contains("memory"))
{
    await IdleActivationMemory.RunAsync(report);
}

if (scenarios.Contains("writes"))
{
    await DurableWrites.RunAsync(report, duration, stores);
}

if (scenarios.Contains("trading"))
{
    await TradingBench.RunAsync(report, duration);
}

if (scenarios.Contains("api"))
{
    await ApiLoad.RunAsync(report, duration);
}

if (postgres is not null && scenarios.Contains("cluster"))
{
    await ClusterCalls.RunAsync(report, duration, postgres);
}

if (postgres is not null && scenarios.Contains("placement"))
{
    await PlacementCost.RunAsync(report, duration, postgres);
}

if (postgres is not null && scenarios.Contains("rebalance"))
{
    await Rebalancing.RunAsync(report, postgres);
}

if (postgres is not null && scenarios.Contains("failover"))
{
    await ClusterFailover.RunAsync(report, postgres, kills);
}

if (output is not null)
{
    await File.WriteAllTextAsync(output, "# Nija runtime benchmarks\n\n" + report.Markdown);
}

return 0;
