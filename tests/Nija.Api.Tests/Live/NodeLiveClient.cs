using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace Nija.Api.Tests.Live;

/// <summary>The real npm SignalR client (@microsoft/signalr) under Node, driven from a test: it prints each event it receives.</summary>
public sealed class NodeLiveClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<LiveEvent> _events = Channel.CreateUnbounded<LiveEvent>();
    private readonly ConcurrentQueue<LiveEvent> _all = new();

    private NodeLiveClient(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                var json = JsonDocument.Parse(line).RootElement.Clone();
                var evt = new LiveEvent(json.GetProperty("event").GetString()!, json.GetProperty("at").GetInt64(), json.GetProperty("data"));
                _all.Enqueue(evt);
                _events.Writer.TryWrite(evt);
            }
        };
        _process.BeginOutputReadLine();
    }

    /// <summary>Everything received so far.</summary>
    public IReadOnlyCollection<LiveEvent> Received => _all;

    public static async Task<NodeLiveClient> ConnectAsync(string baseUrl, string token, string? symbol = null)
    {
        var script = Path.Combine(Nija.Tests.Shared.NodeScripts.RepoRoot(), "tests", "node", "live-client.mjs");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, baseUrl, token, symbol ?? "" })
        {
            start.ArgumentList.Add(arg);
        }

        var client = new NodeLiveClient(Process.Start(start)!);
        var first = await client.NextAsync(_ => true, TimeSpan.FromSeconds(20));
        Assert.True(first.Name == "ready", $"the node client did not connect: {first.Data}");
        return client;
    }

    /// <summary>The next event that matches, waiting at most <paramref name="timeout"/>.</summary>
    public async Task<LiveEvent> NextAsync(Func<LiveEvent, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var evt = await _events.Reader.ReadAsync(cts.Token);
            if (match(evt))
            {
                return evt;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5_000))
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

/// <summary>An event as the Node client received it, with its arrival time in ms since the epoch.</summary>
public sealed record LiveEvent(string Name, long At, JsonElement Data);
