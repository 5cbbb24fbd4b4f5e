using System.Text;
using System.Text.Json;
using Nija.Api.Telemetry;
using Serilog.Events;
using Serilog.Parsing;

namespace Nija.Api.Tests.Platform;

public sealed class BackgroundLogSinkTests
{
    private static readonly MessageTemplate Template = new MessageTemplateParser().Parse("event {N}");

    [Fact]
    public void Every_event_is_written_as_one_json_line_in_order_by_the_time_the_sink_is_disposed()
    {
        var output = new MemoryStream();
        var sink = new BackgroundLogSink(output);

        for (var i = 0; i < 1_000; i++)
        {
            sink.Emit(Event(i));
        }

        sink.Dispose();

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 1_000).Select(i => $"event {i}"), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("RenderedMessage").GetString()));
        Assert.Equal(0, sink.Dropped);
    }

    [Fact]
    public void When_the_output_stalls_events_beyond_the_queue_are_dropped_and_the_next_batch_says_how_many()
    {
        using var stalled = new StalledStream();
        var sink = new BackgroundLogSink(stalled, capacity: 10);

        for (var i = 0; i < 100; i++)
        {
            sink.Emit(Event(i));
        }

        var dropped = sink.Dropped;
        stalled.Release();
        sink.Dispose();

        var lines = Encoding.UTF8.GetString(stalled.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var warning = lines.Single(l => l.GetProperty("Level").GetString() == "Warning");
        Assert.InRange(dropped, 80, 90);
        Assert.Equal(dropped, warning.GetProperty("Properties").GetProperty("Dropped").GetInt64());
        Assert.Equal(100 - dropped, lines.Count - 1);
    }

    private static LogEvent Event(int n) =>
        new(DateTimeOffset.UnixEpoch, LogEventLevel.Information, null, Template, [new LogEventProperty("N", new ScalarValue(n))]);

    /// <summary>A stream whose every write waits until the test lets it go on.</summary>
    private sealed class StalledStream : MemoryStream
    {
        private readonly ManualResetEventSlim _gate = new();

        public void Release() => _gate.Set();

        public override void Write(byte[] buffer, int offset, int count)
        {
            _gate.Wait();
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _gate.Wait();
            base.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _gate.Wait(cancellationToken);
            return base.WriteAsync(buffer, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            _gate.Dispose();
            base.Dispose(disposing);
        }
    }
}
