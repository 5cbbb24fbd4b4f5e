namespace Nija.Runtime.Hosting;

/// <summary>Work the silo finishes before it takes calls or loads reminders, such as migrating a storage schema.</summary>
public interface ISiloStartupTask
{
    /// <summary>
    /// Whether the task calls grains. Such tasks run after the silo has joined its cluster (a grain may
    /// live on another silo); the others, such as schema migrations, run before it takes any calls.
    /// </summary>
    bool CallsGrains => false;

    /// <summary>Runs the task.</summary>
    Task ExecuteAsync(CancellationToken cancellationToken);
}
