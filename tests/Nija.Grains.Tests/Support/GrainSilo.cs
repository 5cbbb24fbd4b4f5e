using Microsoft.Extensions.DependencyInjection;
using Nija.Grains.Hosting;
using Nija.Grains.Onboarding;
using Nija.Runtime.Hosting;
using Nija.Runtime.Persistence;
using Nija.Runtime.Reminders;
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
}
