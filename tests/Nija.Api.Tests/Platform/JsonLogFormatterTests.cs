using System.Buffers;
using System.Text;
using System.Text.Json;
using Nija.Api.Telemetry;
using Serilog.Events;
using Serilog.Formatting.Json;
using Serilog.Parsing;

namespace Nija.Api.Tests.Platform;

public sealed class JsonLogFormatterTests
{
    private static readonly MessageTemplate Template = new MessageTemplateParser().Parse("HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms for {@Who} with {Tags}");

    private static LogEvent Event(Exception? error = null) => new(
        new DateTimeOffset(2026, 12, 6, 23, 10, 52, 918, TimeSpan.Zero).AddTicks(2744), LogEventLevel.Warning, error, Template,
        [
            new LogEventProperty("Method", new ScalarValue("POST")),
            new LogEventProperty("Route", new ScalarValue("/api/v1/\"quoted\"\nline")),
            new LogEventProperty("StatusCode", new ScalarValue(201)),
            new LogEventProperty("ElapsedMs", new ScalarValue(22.3953)),
            new LogEventProperty("Who", new StructureValue([new LogEventProperty("Id", new ScalarValue(7L)), new LogEventProperty("Ok", new ScalarValue(true)), new LogEventProperty("Nothing", new ScalarValue(null))])),
            new LogEventProperty("Tags", new SequenceValue([new ScalarValue("a"), new ScalarValue(1.5m)])),
            new LogEventProperty("CorrelationId", new ScalarValue("0ad9d3ccbef64f98")),
        ],
        System.Diagnostics.ActivityTraceId.CreateFromString("1b98d050e7117209c45b89f3d2614c1e"), System.Diagnostics.ActivitySpanId.CreateFromString("40ebdb644d092ae5"));

    private static JsonElement Ours(LogEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>();
        JsonLogFormatter.Format(e, buffer);
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return JsonDocument.Parse(text).RootElement;
    }

    private static JsonElement Serilogs(LogEvent e)
    {
        var output = new StringWriter();
        new JsonFormatter(renderMessage: true).Format(e, output);
        return JsonDocument.Parse(output.ToString()).RootElement;
    }

    [Fact]
    public void A_line_says_what_Serilogs_json_formatter_says_in_one_line_of_utf8()
    {
        var ours = Ours(Event());
        var theirs = Serilogs(Event());

        foreach (var field in new[] { "Level", "MessageTemplate", "RenderedMessage", "TraceId", "SpanId", "Properties" })
        {
            Assert.Equal(theirs.GetProperty(field).GetRawText(), ours.GetProperty(field).GetRawText());
        }

        Assert.Equal(theirs.GetProperty("Timestamp").GetDateTimeOffset(), ours.GetProperty("Timestamp").GetDateTimeOffset());
        Assert.Equal("HTTP \"POST\" \"/api/v1/\\\"quoted\\\"\nline\" answered 201 in 22.4 ms for { Id: 7, Ok: True, Nothing: null } with [\"a\", 1.5]", ours.GetProperty("RenderedMessage").GetString());
    }

    [Fact]
    public void An_exception_is_written_whole_and_the_text_writer_form_writes_the_same_line()
    {
        var error = new InvalidOperationException("broken \"here\"");
        var line = new StringWriter();

        new JsonLogFormatter().Format(Event(error), line);

        var parsed = JsonDocument.Parse(line.ToString()).RootElement;
        Assert.Equal(Serilogs(Event(error)).GetProperty("Exception").GetString(), parsed.GetProperty("Exception").GetString());
        Assert.Equal(Ours(Event(error)).GetRawText(), parsed.GetRawText());
    }
}
