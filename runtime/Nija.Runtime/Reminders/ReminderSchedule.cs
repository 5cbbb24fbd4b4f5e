namespace Nija.Runtime.Reminders;

/// <summary>Where a reminder's next tick falls: the first StartAt + n × Period that is not in the past.</summary>
internal static class ReminderSchedule
{
    public static DateTimeOffset NextTick(ReminderEntry entry, DateTimeOffset now)
    {
        if (now <= entry.StartAt)
        {
            return entry.StartAt;
        }

        var periods = (long)Math.Ceiling((now - entry.StartAt).Ticks / (double)entry.Period.Ticks);
        return entry.StartAt + TimeSpan.FromTicks(periods * entry.Period.Ticks);
    }
}
