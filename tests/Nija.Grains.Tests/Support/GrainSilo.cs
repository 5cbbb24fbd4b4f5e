using Microsoft.Extensions.DependencyInjection;
using Nija.Grains.Hosting;
using Nija.Grains.Onboarding;
using Nija.Runtime.Hosting;
using Nija.Runtime.Persistence;
using Nija.Runtime.Reminders;
using Nija.Runtime.Sqlite;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.Support;

/// <summary>A test silo with the platform's grains on in-memory storage that survives its restarts.</summary>
public static class GrainSilo
{
    public static Task<TestSilo> StartAsync(TimeProvider? time = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var storage = new MemoryGrainStorage();
        var reminders = new MemoryReminderTable();
        return TestSilo.StartAsync(
            silo => silo.AddGrains(typeof(OnboardingGrain).Assembly).UseInMemoryStorage(storage: storage).UseInMemoryReminders(reminders).AddTradingServices(),
            services,
            settings,
            time);
    }

    /// <summary>The same grains on SQLite under <paramref name="dataDir"/>, where a restart finds what was written.</summary>
    public static Task<TestSilo> StartOnSqliteAsync(string dataDir, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Nija:DataDir"] = dataDir };
        return TestSilo.StartAsync(
            silo => silo.AddGrains(typeof(OnboardingGrain).Assembly).UseSqlite(o => o.DataDir = dataDir).AddTradingServices(),
            settings: all,
            time: time);
    }

    /// <summary>Settings under which a test may trade a pair again at once: no cooldown and no low-profit lock.</summary>
    public static Dictionary<string, string?> WithoutTradeProtections() =>
        new() { ["Nija:Protections:CooldownMinutes"] = "0", ["Nija:Protections:LowProfitPairsTradeLimit"] = "0" };
}
