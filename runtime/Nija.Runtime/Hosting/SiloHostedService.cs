using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nija.Runtime.Activation;
using Nija.Runtime.Metadata;
using Nija.Runtime.Reminders;

namespace Nija.Runtime.Hosting;

/// <summary>
/// The silo's lifecycle in the host: at start it checks every grain interface, loads reminders and
/// starts the idle collector; at stop it stops reminders and deactivates every grain (so each one
/// can write its state) before the host exits.
/// </summary>
internal sealed class SiloHostedService(
    GrainInterfaceValidator validator,
    ReminderService reminders,
    Catalog catalog,
    TimeProvider time,
    IOptions<SiloOptions> options,
    IEnumerable<ISiloStartupTask> startupTasks) : IHostedService, IDisposable
{
    private ITimer? _collector;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        validator.Validate();
        foreach (var task in startupTasks)
        {
            await task.ExecuteAsync(cancellationToken);
        }

        await reminders.StartAsync(cancellationToken);
        var quantum = options.Value.CollectionQuantum;
        _collector = time.CreateTimer(static s => ((Catalog)s!).CollectIdle(), catalog, quantum, quantum);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _collector?.Dispose();
        reminders.Stop();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ShutdownTimeout);
        await catalog.DeactivateAllAsync(timeout.Token);
    }

    public void Dispose() => _collector?.Dispose();
}
