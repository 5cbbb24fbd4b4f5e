namespace Nija.Runtime.Hosting;

/// <summary>Work the silo finishes before it takes calls or loads reminders, such as migrating a storage schema.</summary>
public interface ISiloStartupTask
{
    /// <summary>Runs the task.</summary>
    Task ExecuteAsync(CancellationToken cancellationToken);
}
