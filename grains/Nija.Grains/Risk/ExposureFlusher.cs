using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nija.GrainInterfaces.Risk;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Streams;

namespace Nija.Grains.Risk;

/// <summary>
/// Once a second, sends this silo's exposure changes to the global risk grain in one call; and
/// follows the aggregated exposure it publishes, so that pre-trade checks read it locally.
/// </summary>
public sealed class ExposureFlusher(IServiceProvider services, ExposureReporter reporter, GlobalKillSwitchCache cache, TimeProvider time) : IHostedService, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const int FullReportEvery = 60;
    private long _flushes;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ITimer? _timer;
    private StreamSubscriptionHandle? _subscription;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = await services.GetStreamProvider().GetStream<ExposureSummary>(GlobalRiskGrain.ExposureStream).SubscribeAsync((s, _) =>
        {
            cache.OfferExposure(s.BySymbol, s.Version);
            return Task.CompletedTask;
        });
        _timer = time.CreateTimer(static s => _ = ((ExposureFlusher)s!).FlushQuietlyAsync(), this, Interval, Interval);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        await FlushQuietlyAsync(); // what changed in the last second still counts
        if (_subscription is not null)
        {
            await _subscription.UnsubscribeAsync();
        }
    }

    /// <summary>Sends what changed since the last flush; one flush at a time.</summary>
    public async Task FlushAsync()
    {
        if (!await _gate.WaitAsync(0))
        {
            return;
        }

        var batch = reporter.TakeBatch();
        if (++_flushes % FullReportEvery == 0)
        {
            batch = [.. batch, .. reporter.Snapshot()]; // rebuilds the global view if the global grain lost it
        }

        try
        {
            if (!batch.IsEmpty)
            {
                await services.GetRequiredService<IGrainFactory>().GetGrain<IGlobalRiskGrain>("global").ReportExposure(batch);
            }
        }
        catch (Exception)
        {
            reporter.Restore(batch); // sent with the next flush, unless something newer replaced it
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task FlushQuietlyAsync()
    {
        try
        {
            await FlushAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Kept for the next flush (see FlushAsync); a timer has no caller to tell.
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _gate.Dispose();
    }
}
