using System.Threading.Channels;
using Nija.GrainInterfaces.Audit;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Audit;

/// <summary>
/// High-volume audit entries (every order) leave the request path: they are queued and written in
/// batches by one background loop. The queue is bounded and applies backpressure rather than drop
/// an entry, and stopping the host drains it before the silo stops.
/// </summary>
internal sealed partial class AuditQueue(IGrainFactory grains, ILogger<AuditQueue> logger) : BackgroundService
{
    private const int MaxBatch = 500;
    private readonly Channel<AuditRecord> _queue = Channel.CreateBounded<AuditRecord>(new BoundedChannelOptions(100_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ValueTask EnqueueAsync(AuditRecord record) => _queue.Writer.WriteAsync(record);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        var batch = new List<AuditRecord>(MaxBatch);
        // Not cancelled by stoppingToken: after StopAsync completes the writer, the loop drains what is left and ends.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            try
            {
                await grains.GetGrain<IAuditGrain>(0).RecordBatch([.. batch]);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, batch.Count, e);
            }

            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} audit entries failed")]
    private static partial void LogFailed(ILogger logger, int count, Exception exception);
}
