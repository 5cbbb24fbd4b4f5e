namespace Nija.Runtime.Abstractions.Timers;

/// <summary>A grain timer. Dispose it to stop it; it also stops when the activation is deactivated.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes the due time and period; the next tick is <paramref name="dueTime"/> from now.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
