using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Abstractions.Reminders;

/// <summary>Reminder helpers for grain code.</summary>
public static class GrainReminderExtensions
{
    /// <summary>Registers or updates a reminder of this grain. The grain must implement <see cref="IRemindable"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The period is under one minute.</exception>
    public static Task<IGrainReminder> RegisterOrUpdateReminder(this Grain grain, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(grain);
        if (grain is not IRemindable)
        {
            throw new InvalidOperationException($"Grain {grain.GrainId} registers a reminder but does not implement IRemindable.");
        }

        return Registry(grain).RegisterOrUpdateReminder(grain.GrainId, reminderName, dueTime, period);
    }

    /// <summary>Removes a reminder of this grain.</summary>
    public static Task UnregisterReminder(this Grain grain, string reminderName)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return Registry(grain).UnregisterReminder(grain.GrainId, reminderName);
    }

    /// <summary>A reminder of this grain by name, or null.</summary>
    public static Task<IGrainReminder?> GetReminder(this Grain grain, string reminderName)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return Registry(grain).GetReminder(grain.GrainId, reminderName);
    }

    private static IReminderRegistry Registry(Grain grain) =>
        grain.GrainContext.Services.GetService(typeof(IReminderRegistry)) as IReminderRegistry
        ?? throw new InvalidOperationException("No reminder service is configured on this silo.");
}
