using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Nija.Bench.Support;

/// <summary>
/// A closed loop driven by wrk (the Debian package), a native load generator in its own process:
/// it takes a small fraction of the CPU an in-process HttpClient loop takes per request, so that on
/// a 2-core machine most of the cores go to the server being measured. Each request is built by a
/// Lua script from a file of bearer tokens, round robin over the tenants.
/// </summary>
public sealed partial class WrkLoad(string scriptDir, int connections)
{
    private const string Script = """
        local threads = 0
        function setup(thread)
          thread:set("id", threads)
          threads = threads + 1
        end

        local tokens, i, step, path, body = {}, 0, 1, "/", nil
        local symbols = { "BTC-USD", "ETH-USD", "SOL-USD", "ADA-USD", "XRP-USD" }
        function init(args)
          for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
          step = tonumber(args[2])
          path = args[3]
          body = args[4]
          i = id
        end

        function request()
          local headers = {}
          if #tokens > 0 then headers["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1] end
          local payload = nil
          if body == "order" then
            -- Buys only, over a few pairs, like the in-process generator's orders.
            headers["Content-Type"] = "application/json"
            payload = '{"broker":"paper","symbol":"' .. symbols[(math.floor(i / #tokens) % #symbols) + 1] .. '","side":"buy","type":"market","sizeUsd":50}'
          end
          i = i + step
          return wrk.format(payload and "POST" or "GET", path, headers, payload)
        end
        """;

    private const int Threads = 2;

    /// <summary>Whether wrk can be run here.</summary>
    public static bool Available => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(p => File.Exists(Path.Combine(p, "wrk")));

    /// <summary>Runs the same load unmeasured for <paramref name="warmUp"/>, then measured for <paramref name="duration"/>.</summary>
    public async Task<WrkResult> RunAsync(Uri url, IReadOnlyList<string> tokens, bool orders, TimeSpan warmUp, TimeSpan duration)
    {
        var tokenFile = Path.Combine(scriptDir, "tokens.txt");
        var scriptFile = Path.Combine(scriptDir, "load.lua");
        await File.WriteAllLinesAsync(tokenFile, tokens);
        await File.WriteAllTextAsync(scriptFile, Script);
        await RunWrkAsync(url, scriptFile, tokenFile, orders, warmUp);
        var cpu = Environment.CpuUsage.TotalTime;
        var gc = GcWindow.Now();
        var allocated = GC.GetTotalAllocatedBytes();
        var (output, generatorCpu) = await RunWrkAsync(url, scriptFile, tokenFile, orders, duration);
        var serverCpu = Environment.CpuUsage.TotalTime - cpu;
        var rate = Number(RateLine().Match(output), "Requests/sec");
        var requests = Math.Max(1, rate * duration.TotalSeconds);
        return new WrkResult(rate, Millis(output, "50%"), Millis(output, "99%"), (long)Number(Non2xxLine().Match(output), null),
            serverCpu.TotalMicroseconds / requests, generatorCpu.TotalMicroseconds / requests, (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / requests, GcWindow.Since(gc));
    }

    // Through bash so that its `times` builtin reports wrk's CPU time once it has exited.
    private async Task<(string Output, TimeSpan GeneratorCpu)> RunWrkAsync(Uri url, string script, string tokenFile, bool orders, TimeSpan duration)
    {
        var wrk = $"wrk -t{Threads} -c{connections} -d{(int)Math.Ceiling(duration.TotalSeconds)}s --latency -s '{script}' '{url.GetLeftPart(UriPartial.Authority)}' " +
                  $"-- '{tokenFile}' {Threads} '{url.PathAndQuery}' {(orders ? "order" : "none")}; times";
        var start = new ProcessStartInfo("bash", ["-c", wrk]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !RateLine().IsMatch(output))
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {errors}{output}");
        }

        // `times` prints the shell's own user and system time, then its children's.
        var children = TimesLine().Matches(output)[^1];
        return (output, Duration(children.Groups[1].Value, children.Groups[2].Value) + Duration(children.Groups[3].Value, children.Groups[4].Value));
    }

    private static TimeSpan Duration(string minutes, string seconds) =>
        TimeSpan.FromMinutes(int.Parse(minutes, CultureInfo.InvariantCulture)) + TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture));

    private static double Number(Match match, string? what) =>
        match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : what is null ? 0 : throw new InvalidOperationException($"wrk printed no {what}.");

    // wrk prints latencies with their own unit (us, ms or s).
    private static double Millis(string output, string percentile)
    {
        var m = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = Number(m, $"{percentile} latency");
        return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s")]
    private static partial Regex TimesLine();
}

/// <summary>What one measured wrk run gave: latencies in ms, CPU per request in microseconds (the server's, and wrk's), KB the server allocated per request, the server's GCs.</summary>
public sealed record WrkResult(double Rate, double P50Ms, double P99Ms, long Errors, double ServerCpuUs, double GeneratorCpuUs, double KbPerRequest, GcWindow Gc);
