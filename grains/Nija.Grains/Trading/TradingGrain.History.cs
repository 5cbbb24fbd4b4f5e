using Nija.GrainInterfaces.Trading;
using Nija.Grains.History;
using Nija.Runtime.Abstractions.Timers;

namespace Nija.Grains.Trading;

/// <summary>
/// When the outbox reaches the history tables (see <see cref="HistoryOptions"/>): at once for what
/// operators read across tenants, otherwise after a short delay, so that one append carries several
/// orders' records.
/// </summary>
public sealed partial class TradingGrain
{
    private IGrainTimer? _historyAppend;
    private bool _historyAppendArmed;
    private long _publishedThrough;

    Task ITradingGrain.AppendHistory() => FlushHistoryAsync();

    /// <summary>What the outbox holds that no live event has announced yet; from now on it counts as announced.</summary>
    private HistoryBatch Unpublished()
    {
        var since = _publishedThrough;
        _publishedThrough = S.Outbox.NextSeq - 1;
        var o = S.Outbox;
        return new HistoryBatch(
            [.. o.Fills.Where(r => r.Seq > since)], [.. o.Orders.Where(r => r.Seq > since)], [.. o.Trades.Where(r => r.Seq > since)],
            [.. o.RiskEvents.Where(r => r.Seq > since)], [.. o.Equity.Where(r => r.Seq > since)]);
    }

    private Task AppendOrDeferHistoryAsync()
    {
        var o = S.Outbox;
        if (o.IsEmpty)
        {
            return Task.CompletedTask;
        }

        var options = historyOptions.Value;
        var waiting = o.Fills.Count + o.Orders.Count + o.Equity.Count;
        if (options.AppendDelay == TimeSpan.Zero || o.Trades.Count > 0 || o.RiskEvents.Count > 0 || waiting >= options.MaxWaitingRecords)
        {
            return FlushHistoryAsync();
        }

        ArmHistoryAppend(options.AppendDelay);
        return Task.CompletedTask;
    }

    // The outbox is cleared only after the append succeeded; until then it stays in memory and in storage
    // (the store skips a sequence it already has, so appending it again after a crash writes nothing twice).
    private async Task FlushHistoryAsync()
    {
        if (S.Outbox.IsEmpty)
        {
            return;
        }

        await history.AppendAsync(S.Outbox.Peek(), CancellationToken.None);
        S.Outbox.Clear();
    }

    // A one-shot timer, armed only while records wait, so that an idle grain never ticks. A failed
    // append leaves the records in the outbox and arms the timer again.
    private void ArmHistoryAppend(TimeSpan delay)
    {
        if (_historyAppendArmed)
        {
            return;
        }

        _historyAppend ??= RegisterGrainTimer(async _ =>
        {
            _historyAppendArmed = false;
            try
            {
                await FlushHistoryAsync();
            }
            finally
            {
                if (!S.Outbox.IsEmpty)
                {
                    ArmHistoryAppend(historyOptions.Value.AppendDelay);
                }
            }
        }, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _historyAppend.Change(delay, Timeout.InfiniteTimeSpan);
        _historyAppendArmed = true;
    }
}
