using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Nija.Bench.Support;

/// <summary>
/// The open loop: paper market buys sent on a fixed schedule whatever the answers' pace, each latency
/// counted from the moment its request was due, so that a stall is not hidden by sending less. It
/// runs in a child process of the bench (`Nija.Bench paced ...`) when the closed loops run under wrk,
/// so that, as with wrk, the server's process spends its CPU on the server alone.
/// </summary>
public static class PacedLoad
{
    private static readonly string[] Symbols = ["BTC-USD", "ETH-USD", "SOL-USD", "ADA-USD", "XRP-USD"];

    /// <summary>What the open loop measured; CPU is the generator's own when it ran in a child process.</summary>
    public sealed record Result(double Rate, double P50Us, double P99Us, long Errors, double GeneratorCpuUsPerRequest);

    /// <summary>Orders to <paramref name="url"/> at <paramref name="perSecond"/> for <paramref name="duration"/>, signed round robin with <paramref name="tokens"/>.</summary>
    public static async Task<Result> RunAsync(Uri url, IReadOnlyList<string> tokens, double perSecond, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(tokens);
        using var pool = new RawHttpPool(new IPEndPoint((await Dns.GetHostAddressesAsync(url.Host))[0], url.Port), 1_024);
        var requests = new OrderRequests(url, tokens);
        await pool.OpenAsync(256);
        var total = (int)(perSecond * duration.TotalSeconds);
        var samples = new long[total];
        long errors = 0;
        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>(total);
        // The schedule runs on a thread of its own that sleeps a millisecond at a time: Task.Delay(1) came back after
        // 3.7 ms at the median on this VM (a timer queue tick, then a thread pool hop), Thread.Sleep(1) after 1.1 ms,
        // and every request due in between is sent late by that much, which its latency (counted from when it was due) includes.
        await Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < total;)
            {
                // Send every request that has come due, then sleep to the next tick.
                var now = Stopwatch.GetTimestamp();
                for (; i < total && started + (long)(i * Stopwatch.Frequency / perSecond) <= now; i++)
                {
                    var n = i;
                    var due = started + (long)(n * Stopwatch.Frequency / perSecond);
                    inFlight.Add(SendOneAsync(n, due));
                }

                Thread.Sleep(1);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        await Task.WhenAll(inFlight);

        // Called inline by the schedule: it runs until the request is sent, then waits for the answer off this loop.
        async Task SendOneAsync(int n, long due)
        {
            if (!await SendAsync(pool, requests.Of(n)))
            {
                Interlocked.Increment(ref errors);
            }

            samples[n] = Stopwatch.GetTimestamp() - due;
        }
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var latencies = new Latencies();
        latencies.Add(samples, total);
        var (p50, p99, _) = latencies.Percentiles();
        return new Result(total / elapsed, p50, p99, errors, (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / total);
    }

    /// <summary>Runs <see cref="RunAsync"/> in a child process of this bench and reads its result.</summary>
    public static async Task<Result> RunInChildAsync(Uri url, IReadOnlyList<string> tokens, double perSecond, TimeSpan duration, string workDir)
    {
        var tokenFile = Path.Combine(workDir, "paced-tokens.txt");
        await File.WriteAllLinesAsync(tokenFile, tokens);
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet",
            [typeof(PacedLoad).Assembly.Location, "paced", url.ToString(), tokenFile, perSecond.ToString(CultureInfo.InvariantCulture), duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                // A generator's settings, not a server's: answers complete on the socket engine's thread instead
                // of a hop through the thread pool, one small GC heap, and no instrumented tier for a short run.
                ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1",
                ["DOTNET_gcServer"] = "0",
                ["DOTNET_TieredPGO"] = "0",
            },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The open-loop generator did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith("paced ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The open-loop generator failed ({process.ExitCode}): {errors}{output}");
        }

        var v = line.Split(' ')[1..].Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new Result(v[0], v[1], v[2], (long)v[3], v[4]);
    }

    /// <summary>The child's entry: url, token file, rate per second, seconds; prints one "paced" line.</summary>
    public static async Task<int> ChildMainAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var tokens = await File.ReadAllLinesAsync(args[1]);
        var r = await RunAsync(new Uri(args[0]), tokens, double.Parse(args[2], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(double.Parse(args[3], CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paced {r.Rate} {r.P50Us} {r.P99Us} {r.Errors} {r.GeneratorCpuUsPerRequest}"));
        return 0;
    }

    /// <summary>
    /// The <paramref name="i"/>th order of a run over <paramref name="tenants"/> tenants: buys only, spread over a
    /// few pairs, since closing trades would (rightly) trip the cooldown and low-profit protections.
    /// </summary>
    public static string OrderBody(int i, int tenants) =>
        $$"""{"broker":"paper","symbol":"{{Symbols[i / tenants % Symbols.Length]}}","side":"buy","type":"market","sizeUsd":50}""";

    private static async Task<bool> SendAsync(RawHttpPool pool, byte[] request)
    {
        try
        {
            return await pool.SendAsync(request) is >= 200 and < 300;
        }
        catch (IOException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
