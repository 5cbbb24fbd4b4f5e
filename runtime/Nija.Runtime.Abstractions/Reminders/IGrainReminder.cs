namespace Nija.Runtime.Abstractions.Reminders;

/// <summary>A registered reminder.</summary>
public interface IGrainReminder
{
    /// <summary>The reminder's name, unique per grain.</summary>
    string ReminderName { get; }

    /// <summary>The period between ticks.</summary>
    TimeSpan Period { get; }
}
