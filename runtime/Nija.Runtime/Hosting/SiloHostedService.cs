using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nija.Runtime.Activation;
using Nija.Runtime.Cluster;
using Nija.Runtime.Metadata;
using Nija.Runtime.Reminders;

namespace Nija.Runtime.Hosting;

/// <summary>
/// The silo's lifecycle in the host: at start it checks every grain interface, runs the start-up
/// tasks (schema migrations), joins the cluster when there is one, loads reminders and starts the
/// idle collector; at stop it leaves the cluster's ring, stops reminders and deactivates every grain
/// (so each one can write its state) before it leaves membership and the host exits.
/// </summary>
internal sealed class SiloHostedService(
    GrainInterfaceValidator validator,
    ReminderService reminders,
    Catalog catalog,
    TimeProvider time,
    IOptions<SiloOptions> options,
    IEnumerable<ISiloStartupTask> startupTasks,
    ClusterLifecycle cluster) : IHostedService, IDisposable
{
    private ITimer? _collector;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        validator.Validate();
        foreach (var task in startupTasks.Where(t => !t.CallsGrains))
        {
            await task.ExecuteAsync(cancellationToken);
        }

        if (cluster.IsEnabled)
        {
            await cluster.StartAsync(cancellationToken);
        }

        try
        {
            foreach (var task in startupTasks.Where(t => t.CallsGrains))
            {
                await RunCallingGrainsAsync(task, cancellationToken);
            }

            await reminders.StartAsync(cancellationToken);
        }
        catch when (cluster.IsEnabled)
        {
            // Joined but could not finish starting: leave, so the others need not vote this silo out.
            await cluster.StopAsync(CancellationToken.None);
            throw;
        }

        var quantum = options.Value.CollectionQuantum;
        _collector = time.CreateTimer(static s => ((Catalog)s!).CollectIdle(), catalog, quantum, quantum);
    }

    /// <summary>
    /// In a cluster a grain the task calls can be on a silo that dies meanwhile; such tasks run at
    /// every start, so they are safe to run again, and a few tries ride out a membership change.
    /// </summary>
    private static async Task RunCallingGrainsAsync(ISiloStartupTask task, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await task.ExecuteAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < 5 && e is Abstractions.Core.SiloUnavailableException or TimeoutException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _collector?.Dispose();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ShutdownTimeout);
        if (cluster.IsEnabled)
        {
            await cluster.LeaveAsync(timeout.Token);
        }

        reminders.Stop();
        await catalog.DeactivateAllAsync(timeout.Token);
        if (cluster.IsEnabled)
        {
            await cluster.StopAsync(timeout.Token);
        }
    }

    public void Dispose() => _collector?.Dispose();
}
