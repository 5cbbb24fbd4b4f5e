using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Cluster;
using Nija.Runtime.Sql;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Cluster;

/// <summary>What every grain directory store must do; each engine subclasses it.</summary>
public abstract class GrainDirectoryConformance
{
    private static readonly SiloAddress A = new("10.0.0.1", 11111, 100);
    private static readonly SiloAddress B = new("10.0.0.2", 11111, 200);
    private static readonly SiloAddress C = new("10.0.0.3", 11111, 300);
    private readonly string _service = TestDatabases.NewServiceId();
    private readonly GrainId _grain = new("random-counter", "g1");

    protected abstract Task<SqlDialect> DialectAsync();

    [Fact]
    public async Task A_grain_has_no_location_until_it_is_registered()
    {
        var (directory, _) = await StartAsync();

        Assert.Null(await directory.LookupAsync(_service, _grain, default));
        var holder = await directory.RegisterAsync(_service, _grain, new GrainLocation(A, 1), default);

        Assert.Equal(new GrainLocation(A, 1), holder);
        Assert.Equal(new GrainLocation(A, 1), await directory.LookupAsync(_service, _grain, default));
    }

    [Fact]
    public async Task The_first_registration_wins_while_its_silo_is_alive()
    {
        var (directory, _) = await StartAsync();
        await directory.RegisterAsync(_service, _grain, new GrainLocation(A, 1), default);

        var holder = await directory.RegisterAsync(_service, _grain, new GrainLocation(B, 7), default);

        Assert.Equal(new GrainLocation(A, 1), holder);
    }

    [Fact]
    public async Task Concurrent_registrations_from_several_silos_agree_on_one_holder()
    {
        var (directory, _) = await StartAsync();
        var grains = Enumerable.Range(0, 20).Select(i => new GrainId("random-counter", $"race-{i}")).ToList();

        foreach (var grain in grains)
        {
            var answers = await Task.WhenAll(new[] { A, B, C }.Select((silo, i) => directory.RegisterAsync(_service, grain, new GrainLocation(silo, i + 1), default)));

            Assert.Single(answers.Distinct());
            Assert.Equal(answers[0], await directory.LookupAsync(_service, grain, default));
        }
    }

    [Fact]
    public async Task Many_registrations_and_lookups_at_once_each_get_their_own_answer()
    {
        var (directory, _) = await StartAsync();
        var grains = Enumerable.Range(0, 300).Select(i => new GrainId("random-counter", $"many-{i}")).ToList();
        var silos = new[] { A, B, C };

        var holders = await Task.WhenAll(grains.Select((g, i) => directory.RegisterAsync(_service, g, new GrainLocation(silos[i % 3], i + 1), default)));
        var found = await Task.WhenAll(grains.Select(g => directory.LookupAsync(_service, g, default)));

        Assert.Equal(grains.Select((_, i) => new GrainLocation(silos[i % 3], i + 1)), holders);
        Assert.Equal(holders.Select(h => (GrainLocation?)h), found);
    }

    [Fact]
    public async Task A_registration_replaces_an_entry_whose_silo_was_declared_dead()
    {
        var (directory, table) = await StartAsync();
        await directory.RegisterAsync(_service, _grain, new GrainLocation(A, 1), default);
        var row = (await table.ReadAllAsync(_service, default)).Find(A)!;
        Assert.True(await table.TryUpdateAsync(_service, row with { Status = SiloStatus.Dead }, row.Etag, default));

        var holder = await directory.RegisterAsync(_service, _grain, new GrainLocation(B, 7), default);

        Assert.Equal(new GrainLocation(B, 7), holder);
    }

    [Fact]
    public async Task An_entry_of_a_silo_that_is_shutting_down_is_kept_until_it_removes_it()
    {
        var (directory, table) = await StartAsync();
        await directory.RegisterAsync(_service, _grain, new GrainLocation(A, 1), default);
        var row = (await table.ReadAllAsync(_service, default)).Find(A)!;
        await table.TryUpdateAsync(_service, row with { Status = SiloStatus.ShuttingDown }, row.Etag, default);

        Assert.Equal(A, (await directory.RegisterAsync(_service, _grain, new GrainLocation(B, 7), default)).Silo);
        await directory.UnregisterAsync(_service, _grain, new GrainLocation(A, 1), default);
        Assert.Equal(B, (await directory.RegisterAsync(_service, _grain, new GrainLocation(B, 7), default)).Silo);
    }

    [Fact]
    public async Task A_silo_takes_over_its_own_stale_entry_with_a_new_activation()
    {
        var (directory, _) = await StartAsync();
        await directory.RegisterAsync(_service, _grain, new GrainLocation(A, 1), default);

        var holder = await directory.RegisterAsync(_service, _grain, new GrainLocation(A, 2), default);

        Assert.Equal(new GrainLocation(A, 2), holder);
    }

    [Fact]
    public async Task Unregistering_an_old_activation_leaves_a_newer_registration_alone()
    {
        var (directory, _) = await StartAsync();
        await directory.RegisterAsync(_service, _grain, new GrainLocation(A, 2), default);

        await directory.UnregisterAsync(_service, _grain, new GrainLocation(A, 1), default);
        Assert.Equal(new GrainLocation(A, 2), await directory.LookupAsync(_service, _grain, default));

        await directory.UnregisterAsync(_service, _grain, new GrainLocation(A, 2), default);
        Assert.Null(await directory.LookupAsync(_service, _grain, default));
    }

    [Fact]
    public async Task A_leaving_silo_removes_every_entry_it_holds_and_no_other()
    {
        var (directory, _) = await StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await directory.RegisterAsync(_service, new GrainId("random-counter", $"a{i}"), new GrainLocation(A, i + 1), default);
        }

        await directory.RegisterAsync(_service, new GrainId("random-counter", "b0"), new GrainLocation(B, 1), default);

        Assert.Equal(5, await directory.UnregisterSiloAsync(_service, A, default));
        Assert.Null(await directory.LookupAsync(_service, new GrainId("random-counter", "a0"), default));
        Assert.Equal(B, (await directory.LookupAsync(_service, new GrainId("random-counter", "b0"), default))!.Value.Silo);
    }

    [Fact]
    public async Task Deployments_do_not_see_each_others_entries()
    {
        var (directory, _) = await StartAsync();
        await directory.RegisterAsync(_service, _grain, new GrainLocation(A, 1), default);

        Assert.Null(await directory.LookupAsync(TestDatabases.NewServiceId(), _grain, default));
    }

    private async Task<(SqlGrainDirectory Directory, SqlMembershipTable Table)> StartAsync()
    {
        var dialect = await DialectAsync();
        var table = new SqlMembershipTable(dialect);
        var directory = new SqlGrainDirectory(dialect);
        await table.InitializeAsync(default);
        await directory.InitializeAsync(default);
        foreach (var silo in new[] { A, B, C })
        {
            var now = DateTimeOffset.UtcNow;
            await table.InsertAsync(_service, new MembershipEntry(silo, "host", SiloStatus.Active, now, now, [], 1), default);
        }

        return (directory, table);
    }
}

public sealed class PostgreSqlGrainDirectoryTests : GrainDirectoryConformance
{
    protected override Task<SqlDialect> DialectAsync() => TestDatabases.PostgresAsync();
}

public sealed class SqliteGrainDirectoryTests : GrainDirectoryConformance
{
    protected override Task<SqlDialect> DialectAsync() => TestDatabases.SqliteAsync();
}
