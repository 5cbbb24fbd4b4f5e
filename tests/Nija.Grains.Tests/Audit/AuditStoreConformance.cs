using Nija.GrainInterfaces.Audit;
using Nija.Grains.Audit;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Sqlite;

namespace Nija.Grains.Tests.Audit;

/// <summary>What every audit store answers alike; each store subclasses it.</summary>
public abstract class AuditStoreConformance : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _user = "u-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _admin = "a-" + Guid.NewGuid().ToString("N")[..8];

    protected IAuditStore Store { get; private set; } = null!;

    protected abstract Task<IAuditStore> CreateAsync();

    public async Task InitializeAsync() => Store = await CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private AuditRecord Entry(int minute, string? actor, string action, string? target) =>
        new(T0.AddMinutes(minute), actor, action, target, $"{action} at {minute}", "127.0.0.1", $"c{minute}");

    private async Task SeedAsync()
    {
        await Store.AppendAsync(Entry(1, _user, "auth.login", null), default);
        await Store.AppendAsync(Entry(2, _user, "order.place", _user), default);
        await Store.AppendAsync(Entry(3, _admin, "admin.approve", _user), default);
        await Store.AppendAsync(Entry(4, null, "billing.trial_ending", _user), default);
        await Store.AppendAsync(Entry(5, _admin, "admin.approve", "someone-else"), default);
        await Store.AppendAsync(Entry(6, _user, "order.place", _user), default);
    }

    [Fact]
    public async Task The_user_filter_finds_what_the_user_did_and_what_was_done_to_them_newest_first()
    {
        await SeedAsync();

        var found = await Store.QueryAsync(new AuditQuery(UserId: _user, Take: 50), default);

        Assert.Equal([6, 4, 3, 2, 1], found.Select(r => (int)(r.At - T0).TotalMinutes));
        Assert.Equal("order.place at 6", found[0].Detail);
        Assert.Equal(("127.0.0.1", "c6", _user, _user), (found[0].IpAddress, found[0].CorrelationId, found[0].ActorUserId, found[0].TargetUserId));
        Assert.Null(found[1].ActorUserId);
    }

    [Fact]
    public async Task Filters_by_action_and_time_combine_with_the_user_and_page()
    {
        await SeedAsync();

        var orders = await Store.QueryAsync(new AuditQuery(UserId: _user, Action: "order.place"), default);
        var window = await Store.QueryAsync(new AuditQuery(UserId: _user, From: T0.AddMinutes(2), To: T0.AddMinutes(4)), default);
        var secondPage = await Store.QueryAsync(new AuditQuery(UserId: _user, Skip: 2, Take: 2), default);
        var approvals = await Store.QueryAsync(new AuditQuery(Action: "admin.approve", From: T0, To: T0.AddMinutes(10)), default);

        Assert.Equal([6, 2], orders.Select(r => (int)(r.At - T0).TotalMinutes));
        Assert.Equal([4, 3, 2], window.Select(r => (int)(r.At - T0).TotalMinutes));
        Assert.Equal([3, 2], secondPage.Select(r => (int)(r.At - T0).TotalMinutes));
        Assert.Equal(2, approvals.Count(r => r.ActorUserId == _admin));
    }
}

public sealed class MemoryAuditStoreTests : AuditStoreConformance
{
    protected override Task<IAuditStore> CreateAsync() => Task.FromResult<IAuditStore>(new MemoryAuditStore());
}

public sealed class SqliteAuditStoreTests : AuditStoreConformance
{
    private SqliteDialect? _dialect;

    protected override async Task<IAuditStore> CreateAsync()
    {
        _dialect = SqlTestDialects.NewSqlite();
        var store = new SqlAuditStore(_dialect);
        await store.MigrateAsync(default);
        return store;
    }

    [Fact]
    public async Task The_user_filter_is_answered_from_the_actor_and_target_indexes_not_a_walk_of_the_log()
    {
        await using var connection = await _dialect!.OpenAsync(default);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + SqlAuditStore.QueryText(new AuditQuery(UserId: "u"));
        foreach (var (name, value) in new (string, object)[] { ("u", "u"), ("f", 0L), ("t", long.MaxValue), ("take", 50), ("skip", 0) })
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }

        var plan = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, p => p.Contains("ix_nija_audit_actor", StringComparison.Ordinal));
        Assert.Contains(plan, p => p.Contains("ix_nija_audit_target", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.Contains("ix_nija_audit_at ", StringComparison.Ordinal));
    }
}

public sealed class PostgreSqlAuditStoreTests : AuditStoreConformance
{
    protected override async Task<IAuditStore> CreateAsync()
    {
        var store = new SqlAuditStore(SqlTestDialects.Postgres());
        await store.MigrateAsync(default);
        return store;
    }
}
