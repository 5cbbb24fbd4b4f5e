using Microsoft.Extensions.DependencyInjection;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Hosting;
using Nija.Runtime.Persistence;
using Nija.Runtime.PostgreSql;
using Nija.Runtime.Reminders;
using Nija.Runtime.Sqlite;
using Nija.Runtime.Testing;
using Nija.Runtime.Tests.Grains;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Persistence;

/// <summary>Grain state and reminders through a real silo, once per storage provider.</summary>
public abstract class GrainPersistenceConformance
{
    private readonly Probe _probe = new();
    private readonly Dictionary<string, string?> _settings = new() { ["Nija:Silo:ServiceId"] = TestDatabases.NewServiceId() };

    protected abstract void UseStorage(ISiloBuilder silo);

    private Task<TestSilo> StartAsync(TimeProvider? time = null) => Silos.StartAsync(_probe, UseStorage, time, _settings);

    [Fact]
    public async Task State_survives_deactivation()
    {
        await using var silo = await StartAsync();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("deactivated");
        await counter.Increment();
        await counter.Increment();

        await silo.DeactivateAsync(counter);

        Assert.Equal(2, await counter.Get());
        Assert.Contains("activated:counter/deactivated:2", _probe.Events);
    }

    [Fact]
    public async Task State_survives_a_silo_restart()
    {
        await using var silo = await StartAsync();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("restarted");
        await counter.Increment();

        await silo.RestartAsync();

        Assert.Equal(2, await silo.GrainFactory.GetGrain<ICounterGrain>("restarted").Increment());
    }

    [Fact]
    public async Task A_grain_reference_kept_in_state_still_reaches_its_grain_after_a_restart()
    {
        await using var silo = await StartAsync();
        var friend = silo.GrainFactory.GetGrain<ICounterGrain>("friend");
        await friend.Increment();
        await silo.GrainFactory.GetGrain<ICounterGrain>("holder").SetFriend(friend);

        await silo.RestartAsync();

        Assert.Equal(1, await silo.GrainFactory.GetGrain<ICounterGrain>("holder").FriendValue());
    }

    [Fact]
    public async Task A_stale_write_fails_with_InconsistentStateException_and_the_next_call_starts_from_the_stored_state()
    {
        await using var silo = await StartAsync();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("contended");
        await counter.Increment();
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        var key = new StateKey(_settings["Nija:Silo:ServiceId"]!, "counter", "contended", "counter");
        var stored = await storage.ReadAsync(key, default);
        await storage.WriteAsync(key, "{\"value\":41}"u8.ToArray(), stored!.Version, default); // someone else writes

        await Assert.ThrowsAsync<InconsistentStateException>(() => counter.Increment());
        await _probe.WaitFor("deactivated:counter/contended:InconsistentState");

        Assert.Equal(42, await counter.Increment());
        Assert.Equal("3", await counter.Etag());
    }

    [Fact]
    public async Task A_cleared_state_reads_as_new_after_reactivation()
    {
        await using var silo = await StartAsync();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("cleared");
        await counter.Increment();

        await counter.Clear();
        await silo.DeactivateAsync(counter);

        Assert.Equal(0, await counter.Get());
        Assert.Equal(1, await counter.Increment());
    }

    [Fact]
    public async Task Shutdown_deactivates_every_grain_so_that_it_can_write_its_state()
    {
        await using var silo = await StartAsync();
        await silo.GrainFactory.GetGrain<IDraftGrain>("d1").Edit("unsaved words");

        await silo.RestartAsync();

        Assert.Equal("unsaved words", await silo.GrainFactory.GetGrain<IDraftGrain>("d1").Text());
    }

    [Fact]
    public async Task A_reminder_fires_after_a_silo_restart()
    {
        var time = new ManualTimeProvider();
        await using var silo = await StartAsync(time);
        await silo.GrainFactory.GetGrain<IReminderGrain>("r1").Start("hourly", TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

        await silo.RestartAsync();
        time.Advance(TimeSpan.FromMinutes(1));

        await _probe.WaitFor("tick:r1:hourly:00:01");
        Assert.True(await silo.GrainFactory.GetGrain<IReminderGrain>("r1").Has("hourly"));
    }
}

public sealed class MemoryGrainPersistenceTests : GrainPersistenceConformance
{
    private readonly MemoryGrainStorage _storage = new();
    private readonly MemoryReminderTable _reminders = new();

    protected override void UseStorage(ISiloBuilder silo) => silo.UseInMemoryStorage(storage: _storage).UseInMemoryReminders(_reminders);
}

public sealed class SqliteGrainPersistenceTests : GrainPersistenceConformance
{
    private readonly string _dir = TestDatabases.NewSqliteDir();

    protected override void UseStorage(ISiloBuilder silo) => silo.UseSqlite(o => o.DataDir = _dir);
}

public sealed class PostgreSqlGrainPersistenceTests : GrainPersistenceConformance
{
    protected override void UseStorage(ISiloBuilder silo) => silo.UsePostgreSql(o => o.ConnectionString = TestDatabases.PostgresConnectionString);
}
