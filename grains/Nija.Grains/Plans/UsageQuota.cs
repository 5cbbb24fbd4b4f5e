namespace Nija.Grains.Plans;

/// <summary>
/// Counts trades per UTC day and API calls per UTC minute. Counters belong to their window: a
/// count taken at 23:59:59.999 never counts against 00:00:00, and the reset is exact because the
/// window is derived from the time, not from a timer.
/// </summary>
public sealed class UsageQuota
{
    public DateOnly TradesDay { get; set; }

    public int TradesToday { get; set; }

    public long CallsMinute { get; set; }

    public int CallsThisMinute { get; set; }

    /// <summary>Metered usage per UTC day ("yyyy-MM-dd"), days with activity only, the newest 400 kept (a yearly period and then some).</summary>
    public SortedDictionary<string, DayUsage> Days { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Calls counted since the state was last written (persisted by a timer, not on every call).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Dirty { get; set; }

    /// <summary>Counts a trade if the daily limit allows it.</summary>
    public bool TryCountTrade(DateTimeOffset now, int limit)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (day != TradesDay)
        {
            TradesDay = day;
            TradesToday = 0;
        }

        if (TradesToday >= limit)
        {
            return false;
        }

        TradesToday++;
        Meter(now).Trades++;
        return true;
    }

    /// <summary>The calendar month ("yyyy-MM") of <see cref="CallsThisMonth"/>.</summary>
    public string CallsMonth { get; set; } = "";

    public long CallsThisMonth { get; set; }

    /// <summary>
    /// Counts an API call if the per-minute limit allows it and, for a plan blocked at its quota
    /// (<paramref name="monthlyCap"/> above zero), the calls of the calendar month do too.
    /// </summary>
    public CallVerdict TryCountCall(DateTimeOffset now, int limit, long monthlyCap = 0)
    {
        var minute = now.UtcTicks / TimeSpan.TicksPerMinute;
        if (minute != CallsMinute)
        {
            CallsMinute = minute;
            CallsThisMinute = 0;
        }

        var month = now.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        if (month != CallsMonth)
        {
            CallsMonth = month;
            CallsThisMonth = 0;
        }

        if (CallsThisMinute >= limit)
        {
            return CallVerdict.PerMinuteLimit;
        }

        if (monthlyCap > 0 && CallsThisMonth >= monthlyCap)
        {
            return CallVerdict.IncludedCallsUsed;
        }

        CallsThisMinute++;
        CallsThisMonth++;
        Meter(now).ApiCalls++;
        Dirty = true;
        return CallVerdict.Allowed;
    }

    private DayUsage Meter(DateTimeOffset now)
    {
        var key = now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (!Days.TryGetValue(key, out var day))
        {
            Days[key] = day = new DayUsage();
            while (Days.Count > 400)
            {
                Days.Remove(Days.Keys.First());
            }
        }

        return day;
    }

    /// <summary>When the current minute's window ends (for Retry-After).</summary>
    public DateTimeOffset MinuteWindowEnds(DateTimeOffset now) =>
        new(new DateTime((now.UtcTicks / TimeSpan.TicksPerMinute + 1) * TimeSpan.TicksPerMinute, DateTimeKind.Utc));
}

/// <summary>One day's metered counts.</summary>
public sealed class DayUsage
{
    public long ApiCalls { get; set; }

    public int Trades { get; set; }
}

/// <summary>Why an API call was or was not counted.</summary>
public enum CallVerdict
{
    Allowed,
    PerMinuteLimit,
    IncludedCallsUsed,
}
