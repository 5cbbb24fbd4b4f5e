using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Abstractions.Reminders;

/// <summary>Registers and removes durable reminders. Grains use the helpers in <see cref="GrainReminderExtensions"/>.</summary>
public interface IReminderRegistry
{
    /// <summary>The shortest allowed period.</summary>
    static readonly TimeSpan MinimumPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Registers a reminder or changes its schedule; stored before the task completes.</summary>
    Task<IGrainReminder> RegisterOrUpdateReminder(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period);

    /// <summary>Removes a reminder.</summary>
    Task UnregisterReminder(GrainId grainId, string reminderName);

    /// <summary>A reminder by name, or null.</summary>
    Task<IGrainReminder?> GetReminder(GrainId grainId, string reminderName);

    /// <summary>All reminders of a grain.</summary>
    Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId grainId);
}
