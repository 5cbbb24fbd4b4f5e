using Nija.Runtime.Abstractions.Reminders;

namespace Nija.Runtime.Reminders;

internal sealed record GrainReminder(string ReminderName, TimeSpan Period) : IGrainReminder;
