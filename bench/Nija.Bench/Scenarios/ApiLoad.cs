using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nija.Api.Auth;
using Nija.Api.Hosting;
using Nija.Bench.Support;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Settings;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Hosting;

namespace Nija.Bench.Scenarios;

/// <summary>
/// The embedded app under HTTP load from 1,000 tenants (Enterprise plan, so the per-plan rate limit
/// is not what is measured): GET /api/v1/account/positions and POST /api/v1/trading/orders (paper),
/// beside a bare Kestrel endpoint serving the same positions payload, all measured in this run with
/// the same closed-loop load generator on the same machine: wrk when it is installed (bench/run.sh
/// installs it), else an in-process C# loop; the open loop is always the C# one (wrk cannot pace), in a child
/// process when wrk runs the closed loops, so that the server's process then runs the server alone.
/// </summary>
public static class ApiLoad
{
    private const int Tenants = 1_000;
    private const int Connections = 64;
    private const int OrderGoalPerSecond = 5_000;
    private static readonly int[] CurvePerSecond = [250, 1_000, 2_000, 3_000, 4_000];
    private const int SamplesPerConnection = 1 << 16; // a power of two; far more than one connection answers in a phase

    public static async Task RunAsync(Report report, TimeSpan duration)
    {
        report.Heading("API under load (1,000 tenants)",
            "The embedded app (co-hosted silo, SQLite under a temp data folder, paper exchange) on Kestrel over loopback HTTP/1.1, " +
            $"{Connections} keep-alive connections in a closed loop, each request signed with a tenant's JWT (round robin over {Tenants:N0} tenants). " +
            "The baseline is a bare Kestrel app in the same process returning the same positions JSON with no auth, grains or middleware. " +
            (WrkLoad.Available
                ? "The closed loops are driven by wrk (Debian's package, 2 threads, a Lua script signing each request) in its own process; the CPU column is the server process's alone. " +
                  "The open loop is a C# generator writing prepared HTTP/1.1 requests to raw sockets (up to 1,024 keep-alive connections, 256 opened before it starts), in a child process of the bench (so the CPU column is the server's alone there too). The load generators share the 2 cores with the server, so absolute figures are a floor."
                : "wrk is not installed, so the closed loops use the in-process C# generator: its CPU is counted with the server's, and it shares the 2 cores with the server, so absolute figures are a floor."));
        var phase = duration < TimeSpan.FromSeconds(5) ? duration : TimeSpan.FromSeconds(5); // keeps each tenant under 500 calls a minute
        var dataDir = Directory.CreateTempSubdirectory("nija-bench-api-").FullName;
        await using var bare = await StartBareAsync(dataDir);
        await using var app = await StartAppAsync(dataDir);
        var tokens = await SeedTenantsAsync(app.Services);

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        var positionsBody = await WarmAsync(client, app, tokens);

        // NIJA_BENCH_API_ONLY=orders runs only the order phase (for profiling).
        var only = Environment.GetEnvironmentVariable("NIJA_BENCH_API_ONLY");
        var skip = new LoadResult(1, 0, 0, 0);
        var wrk = WrkLoad.Available ? new WrkLoad(dataDir, Connections) : null;
        var generatorCpu = new List<string>();
        async Task<LoadResult> Closed(string url, string[] signWith, bool order, Func<int, Task<HttpResponseMessage>> send, int warmUpSeconds = 5)
        {
            if (wrk is null)
            {
                return await WarmThenLoadAsync(phase, send);
            }

            // Longer than the C# warm-up: on 2 cores the JIT's background tiering takes seconds to catch up with a new path.
            var r = await wrk.RunAsync(new Uri(url), signWith, order, TimeSpan.FromSeconds(warmUpSeconds), phase);
            generatorCpu.Add(Report.N(r.GeneratorCpuUs));
            return new LoadResult(r.Rate, r.P50Ms * 1000, r.P99Ms * 1000, r.Errors, r.ServerCpuUs, r.KbPerRequest, r.Gc);
        }

        var bareResult = only is null ? await Closed(Address(bare) + "/positions", [], false, i => Get(client, Address(bare) + "/positions", null)) : skip;
        var reads = only is null ? await Closed(Address(app) + "/api/v1/account/positions", tokens, false, i => Get(client, Address(app) + "/api/v1/account/positions", tokens[i % Tenants])) : skip;
        // The order path is the longest and first runs here: in consecutive 5 s windows of order load the JIT's tiering
        // (background compilation and PGO's instrumented tier) still took a quarter of the CPU in the second window,
        // and the rate settled only in the third, so this phase warms up for 10 s.
        var orders = await Closed(Address(app) + "/api/v1/trading/orders", tokens, true, i => Post(client, Address(app) + "/api/v1/trading/orders", tokens[i % Tenants], i), warmUpSeconds: 10);
        var ordersUrl = new Uri(Address(app) + "/api/v1/trading/orders");
        var bareOrdersUrl = new Uri(Address(bare) + "/orders");
        var childDir = wrk is null ? null : dataDir;
        var paced = await OpenLoopAsync(ordersUrl, tokens, OrderGoalPerSecond, phase, childDir, generatorCpu);
        // The same generator against the bare endpoint at the same rate: the latency the generator and this machine
        // add by themselves (its schedule's timer ticks, both processes' threads on 2 cores), the floor for the goal.
        var pacedBare = await OpenLoopAsync(bareOrdersUrl, tokens, OrderGoalPerSecond, phase, childDir, []);
        // And against the bare endpoint that appends each order to a SQLite table before answering: the floor for an
        // order that is durable when it is answered (this disk's fsyncs and the WAL's checkpoints, nothing of the app).
        var durableOrdersUrl = new Uri(Address(bare) + "/orders-durable");
        var pacedDurable = await OpenLoopAsync(durableOrdersUrl, tokens, OrderGoalPerSecond, phase, childDir, []);
        // Below the goal's rate: where the p99 stands when neither the cores nor the single writer is near full.
        var curve = new List<(int PerSecond, LoadResult Result, LoadResult Bare, LoadResult Durable)>();
        foreach (var perSecond in only is null ? CurvePerSecond : [])
        {
            curve.Add((perSecond, await OpenLoopAsync(ordersUrl, tokens, perSecond, phase, childDir, []), await OpenLoopAsync(bareOrdersUrl, tokens, perSecond, phase, childDir, []),
                await OpenLoopAsync(durableOrdersUrl, tokens, perSecond, phase, childDir, [])));
        }

        report.Table(["Endpoint", "Requests/s", "p50 (ms)", "p99 (ms)", "Non-2xx", "CPU µs / request", "KB allocated / request", "GCs, paused", "Goal"],
        [
            Row("Bare Kestrel (baseline, same payload)", bareResult, "-"),
            Row("GET /api/v1/account/positions", reads, $"≥ 40 % of baseline: {Report.N(100 * reads.Rate / bareResult.Rate, 0)} %"),
            Row("POST /api/v1/trading/orders (paper market), closed loop", orders, "≥ 5,000/s"),
            Row($"POST /api/v1/trading/orders at a fixed {OrderGoalPerSecond:N0}/s offered", paced, "p99 < 10 ms at 5,000/s"),
            Row($"Bare Kestrel POST at a fixed {OrderGoalPerSecond:N0}/s offered (the open loop's floor)", pacedBare, "-"),
            Row($"Bare Kestrel POST + durable SQLite append at a fixed {OrderGoalPerSecond:N0}/s offered (the durable floor)", pacedDurable, "-"),
        ]);
        if (curve.Count > 0)
        {
            report.Note("The same open loop at lower offered rates, each for the same time, after the 5,000/s phase (at 250/s requests seldom overlap, " +
                        "so that row is close to one order at a time), each beside the bare endpoint and the durable floor (the bare endpoint appending each order to SQLite before it answers) at the same rate. The GC column is this process's, the server's: " +
                        "every pause holds every request in flight. The CPU per order at low rates includes the thread pool's spinning between requests.");
            report.Table(["Orders offered", "answered/s", "p50 (ms)", "p99 (ms)", "bare Kestrel p50, p99 (ms)", "durable floor p50, p99 (ms)", "server CPU µs / order", "GCs, paused"],
            [
                .. curve.Append((PerSecond: OrderGoalPerSecond, Result: paced, Bare: pacedBare, Durable: pacedDurable)).Select(c => (string[])[
                    $"{c.PerSecond:N0}/s", Report.N(c.Result.Rate), Report.N(c.Result.P50Us / 1000, 2), Report.N(c.Result.P99Us / 1000, 2),
                    $"{Report.N(c.Bare.P50Us / 1000, 2)}, {Report.N(c.Bare.P99Us / 1000, 2)}", $"{Report.N(c.Durable.P50Us / 1000, 2)}, {Report.N(c.Durable.P99Us / 1000, 2)}",
                    Report.N(c.Result.CpuUsPerRequest), c.Result.Gc.ToString()]),
            ]);
        }

        report.Note($"Positions payload: {positionsBody} bytes. Each closed-loop phase ran {phase.TotalSeconds:N0} s after a warm-up under its own load ({(wrk is null ? "2 s" : "5 s; 10 s for orders, whose longer path the JIT takes that long to settle")}); SQLite with synchronous=FULL and group commit. " +
                    $"The closed loop gives the most the app answers; with {Connections} requests always in flight its latency is mostly queueing ({Connections} / rate), so the latency goal is measured " +
                    "separately in an open loop: requests start on a fixed schedule whatever the answers' pace, each latency counted from the moment its request was due, so a stall is not hidden by sending less." +
                    (generatorCpu.Count > 0 ? $" The load generators' own CPU per request (wrk for the closed loops, the C# child for the open loop), in table order: {string.Join(", ", generatorCpu)} µs." : ""));
        // Stopped, not only disposed: disposing a host skips its hosted services' StopAsync, so the audit queue's
        // backlog (the open loop leaves thousands of entries) met a storage already shutting down.
        await app.StopAsync();
        Directory.Delete(dataDir, recursive: true);
    }

    private static string[] Row(string name, LoadResult r, string goal) =>
        [name, Report.N(r.Rate), Report.N(r.P50Us / 1000, 2), Report.N(r.P99Us / 1000, 2), Report.N(r.Errors), Report.N(r.CpuUsPerRequest), Report.N(r.KbPerRequest, 1), r.Gc.ToString(), goal];

    private static async Task<WebApplication> StartAppAsync(string dataDir)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // A funded desk: a million paper dollars, and a minimum order of 0.001 % of equity, so that
            // thousands of $50 orders stay inside the risk rules and what is measured is the path, not a rejection.
            Args = HostArguments.WithoutConfigurationReload(
            [
                $"--Nija:DataDir={dataDir}", "--Nija:Admin:Password=bench-founder-1", "--Nija:Onboarding:RequireInvitation=false",
                "--Nija:PaperExchange:StartingCashUsd=1000000", "--Nija:Risk:MinPositionPctOfEquity=0.001",
                .. (Environment.GetEnvironmentVariable("NIJA_BENCH_API_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            ]),
            EnvironmentName = "Production",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddNijaPlatform();
        // Logging stays as deployed: a JSON line per request (to this process's stdout), part of what a request costs.
        var app = builder.Build();
        app.MapNijaPlatform();
        await app.StartAsync();
        return app;
    }

    private const string BareOrderAnswer = """
        {"id":"0f8fad5bd9cb469fa16570867728950e","clientOrderId":null,"broker":"paper","symbol":"BTC-USD","side":"buy","type":"market","status":"filled",
        "quantity":0.00083333,"filledQuantity":0.00083333,"averagePrice":60012.5,"fees":0.05,"limitPrice":null,"stopPrice":null,"rejectReason":null,
        "fills":[{"price":60012.5,"quantity":0.00083333,"fee":0.05,"isMaker":false,"at":"2026-12-07T04:00:00.0000000+00:00"}],
        "createdAt":"2026-12-07T04:00:00.0000000+00:00","updatedAt":"2026-12-07T04:00:00.0000000+00:00"}
        """;

    private static async Task<WebApplication> StartBareAsync(string dataDir)
    {
        var builder = WebApplication.CreateSlimBuilder(HostArguments.WithoutConfigurationReload([]));
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var log = await DurableAppendLog.OpenAsync(dataDir);
        builder.Services.AddSingleton(_ => log); // made by a factory, so the container disposes it (draining its writes)
        var app = builder.Build();
        var payload = Encoding.UTF8.GetBytes("""[{"broker":"paper","symbol":"BTC-USD","quantity":0.001,"averageEntry":60000,"markPrice":60000,"realizedPnl":0,"unrealizedPnl":0,"fees":0.06}]""");
        app.MapGet("/positions", () => Results.Bytes(payload, "application/json"));
        // An order's answer of about the same size, for the open loop's floor.
        app.MapPost("/orders", () => Results.Text(BareOrderAnswer, "application/json", Encoding.UTF8, StatusCodes.Status201Created));
        app.MapPost("/orders-durable", async (DurableAppendLog orders) =>
        {
            await orders.AppendAsync(BareOrderAnswer, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
            return Results.Text(BareOrderAnswer, "application/json", Encoding.UTF8, StatusCodes.Status201Created);
        });
        await app.StartAsync();
        return app;
    }

    // Tenants are created through the grains and given tokens by the token service: hashing 1,000
    // passwords (PBKDF2, 100,000 rounds) would take the run's time and is not what is measured.
    private static async Task<string[]> SeedTenantsAsync(IServiceProvider services)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var tokens = services.GetRequiredService<TokenService>();
        var result = new string[Tenants];
        await ParallelWork.RateAsync(Tenants, 32, async i =>
        {
            var profile = await grains.GetGrain<IUserAccountGrain>($"u_bench{i:D5}").Create($"bench{i}@example.com", $"bench {i}", UserRole.User, PlanTier.Enterprise);
            await grains.GetGrain<IUserSettingsGrain>(profile.UserId).Update(new SettingsPatch(MaxPositionSizeUsd: 10_000m, MaxConcurrentPositions: 50), "bench");
            result[i] = (await tokens.IssueAsync(profile)).AccessToken;
        });
        return result;
    }

    private static async Task<int> WarmAsync(HttpClient client, WebApplication app, string[] tokens)
    {
        for (var i = 0; i < Tenants; i++)
        {
            (await Post(client, Address(app) + "/api/v1/trading/orders", tokens[i], i)).EnsureSuccessStatusCode();
        }

        var response = await Get(client, Address(app) + "/api/v1/account/positions", tokens[0]);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string url, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string url, string token, int i)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(PacedLoad.OrderBody(i, Tenants), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    // The same load, unmeasured, first: the JIT's tiering and the thread pool's growth then happen
    // before the measured phase instead of inside it (whichever endpoint ran first used to pay for them).
    private static async Task<LoadResult> WarmThenLoadAsync(TimeSpan duration, Func<int, Task<HttpResponseMessage>> send)
    {
        await LoadAsync(TimeSpan.FromSeconds(2), send);
        return await LoadAsync(duration, send);
    }

    private static async Task<LoadResult> LoadAsync(TimeSpan duration, Func<int, Task<HttpResponseMessage>> send)
    {
        var latencies = new Latencies();
        var next = -1;
        long errors = 0;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var firstBodies = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
        // Allocated before the clock starts: 64 sample buffers are the load generator's, not the app's, cost.
        var buffers = Enumerable.Range(0, Connections).Select(_ => new long[SamplesPerConnection]).ToArray();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var sw = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var counts = await Task.WhenAll(buffers.Select(samples => Task.Run(async () =>
        {
            var n = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await send(Interlocked.Increment(ref next));
                await response.Content.ReadAsByteArrayAsync();
                samples[n++ & (SamplesPerConnection - 1)] = Stopwatch.GetTimestamp() - start;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                    if (statuses[(int)response.StatusCode] == 1)
                    {
                        firstBodies[(int)response.StatusCode] = await response.Content.ReadAsStringAsync();
                    }
                }
            }

            latencies.Add(samples, Math.Min(n, samples.Length));
            return n;
        })));
        var (p50, p99, _) = latencies.Percentiles();
        foreach (var (code, body) in firstBodies)
        {
            Console.WriteLine($"   {code} x{statuses[code]}: {body[..Math.Min(300, body.Length)]}");
        }

        var answered = Math.Max(1, counts.Sum());
        return new LoadResult(counts.Sum() / sw.Elapsed.TotalSeconds, p50, p99, errors, (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / answered,
            (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / answered);
    }

    // With wrk, the open loop runs in a child process too, so that the CPU column is the server's alone; else in this process.
    private static async Task<LoadResult> OpenLoopAsync(Uri url, string[] tokens, int perSecond, TimeSpan phase, string? childDir, List<string> generatorCpu)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var gc = GcWindow.Now();
        var r = childDir is null
            ? await PacedLoad.RunAsync(url, tokens, perSecond, phase)
            : await PacedLoad.RunInChildAsync(url, tokens, perSecond, phase, childDir);
        var sent = perSecond * phase.TotalSeconds;
        if (childDir is not null)
        {
            generatorCpu.Add(Report.N(r.GeneratorCpuUsPerRequest));
        }

        return new LoadResult(r.Rate, r.P50Us, r.P99Us, r.Errors, (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / sent,
            (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / sent, GcWindow.Since(gc));
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    // CpuUsPerRequest: the process's CPU time (server and load generator together) per answered request, which
    // varies far less between runs on this shared VM than the rate does. KbPerRequest: the managed heap allocated
    // per request (both sides too), which hardly varies at all and is what the GC's share of the CPU follows.
    private sealed record LoadResult(double Rate, double P50Us, double P99Us, long Errors, double CpuUsPerRequest = 0, double KbPerRequest = 0, GcWindow Gc = default);
}
