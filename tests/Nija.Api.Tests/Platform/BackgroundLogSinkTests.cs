using System.Text.Json;
using Nija.Api.Telemetry;
using Serilog.Events;
using Serilog.Formatting.Json;
using Serilog.Parsing;

namespace Nija.Api.Tests.Platform;

public sealed class BackgroundLogSinkTests
{
    private static readonly MessageTemplate Template = new MessageTemplateParser().Parse("event {N}");

    [Fact]
    public void Every_event_is_written_as_one_json_line_in_order_by_the_time_the_sink_is_disposed()
    {
        var output = new StringWriter();
        var sink = new BackgroundLogSink(new JsonFormatter(renderMessage: true), output);

        for (var i = 0; i < 1_000; i++)
        {
            sink.Emit(Event(i));
        }

        sink.Dispose();

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 1_000).Select(i => $"event {i}"), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("RenderedMessage").GetString()));
        Assert.Equal(0, sink.Dropped);
    }

    [Fact]
    public void When_the_output_stalls_events_beyond_the_queue_are_dropped_and_the_next_batch_says_how_many()
    {
        using var stalled = new StalledWriter();
        var sink = new BackgroundLogSink(new JsonFormatter(renderMessage: true), stalled, capacity: 10);

        for (var i = 0; i < 100; i++)
        {
            sink.Emit(Event(i));
        }

        var dropped = sink.Dropped;
        stalled.Release();
        sink.Dispose();

        var lines = stalled.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var warning = lines.Single(l => l.GetProperty("Level").GetString() == "Warning");
        Assert.InRange(dropped, 80, 90);
        Assert.Equal(dropped, warning.GetProperty("Properties").GetProperty("Dropped").GetInt64());
        Assert.Equal(100 - dropped, lines.Count - 1);
    }

    private static LogEvent Event(int n) =>
        new(DateTimeOffset.UnixEpoch, LogEventLevel.Information, null, Template, [new LogEventProperty("N", new ScalarValue(n))]);

    /// <summary>A writer whose every write waits until the test lets it go on.</summary>
    private sealed class StalledWriter : StringWriter
    {
        private readonly ManualResetEventSlim _gate = new();

        public void Release() => _gate.Set();

        public override void Write(char value)
        {
            _gate.Wait();
            base.Write(value);
        }

        public override void Write(string? value)
        {
            _gate.Wait();
            base.Write(value);
        }

        protected override void Dispose(bool disposing)
        {
            _gate.Dispose();
            base.Dispose(disposing);
        }
    }
}
