using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Nija.Api.Telemetry;

/// <summary>Writes formatted events to a TextWriter (tests read the log this way; the console sink writes to stdout).</summary>
internal sealed class TextWriterSink(ITextFormatter formatter, TextWriter output) : ILogEventSink
{
    private readonly Lock _lock = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            formatter.Format(logEvent, output);
            output.Flush();
        }
    }
}
