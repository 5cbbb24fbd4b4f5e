using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Reminders;
using Nija.Runtime.Sql;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Persistence;

/// <summary>What every reminder table must do.</summary>
public abstract class ReminderTableConformance : IAsyncLifetime
{
    private readonly string _service = TestDatabases.NewServiceId();
    private readonly DateTimeOffset _start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected IReminderTable Table { get; private set; } = null!;

    protected abstract Task<IReminderTable> CreateAsync();

    public async Task InitializeAsync() => Table = await CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private ReminderEntry Entry(string key, string name, int minutes = 5) =>
        new(_service, new GrainId("reminder", key), name, _start, TimeSpan.FromMinutes(minutes));

    [Fact]
    public async Task A_stored_reminder_reads_back_whole()
    {
        await Table.UpsertAsync(Entry("a", "daily"), default);

        var read = Assert.Single(await Table.ReadGrainAsync(_service, new GrainId("reminder", "a"), default));
        Assert.Equal(Entry("a", "daily"), read);
    }

    [Fact]
    public async Task Upserting_the_same_name_replaces_the_schedule()
    {
        await Table.UpsertAsync(Entry("a", "daily", 5), default);
        await Table.UpsertAsync(Entry("a", "daily", 7), default);

        var read = Assert.Single(await Table.ReadGrainAsync(_service, new GrainId("reminder", "a"), default));
        Assert.Equal(TimeSpan.FromMinutes(7), read.Period);
    }

    [Fact]
    public async Task Removing_deletes_only_that_reminder()
    {
        await Table.UpsertAsync(Entry("a", "one"), default);
        await Table.UpsertAsync(Entry("a", "two"), default);

        Assert.True(await Table.RemoveAsync(_service, new GrainId("reminder", "a"), "one", default));
        Assert.False(await Table.RemoveAsync(_service, new GrainId("reminder", "a"), "one", default));
        Assert.Equal("two", Assert.Single(await Table.ReadGrainAsync(_service, new GrainId("reminder", "a"), default)).Name);
    }

    [Fact]
    public async Task A_hash_range_read_returns_exactly_the_reminders_whose_grain_hash_is_inside()
    {
        var entries = Enumerable.Range(0, 40).Select(i => Entry($"g{i}", "r")).ToList();
        foreach (var e in entries)
        {
            await Table.UpsertAsync(e, default);
        }

        const uint mid = uint.MaxValue / 2;
        var low = await Table.ReadRangeAsync(_service, 0, mid, default);
        var high = await Table.ReadRangeAsync(_service, mid + 1, uint.MaxValue, default);

        Assert.Equal(entries.Count(e => e.GrainHash <= mid), low.Count);
        Assert.All(low, e => Assert.True(e.GrainHash <= mid));
        Assert.All(high, e => Assert.True(e.GrainHash > mid));
        Assert.Equal(40, low.Count + high.Count);
    }

    [Fact]
    public async Task Services_do_not_see_each_others_reminders()
    {
        await Table.UpsertAsync(Entry("a", "mine"), default);

        Assert.Empty(await Table.ReadRangeAsync(_service + "-other", 0, uint.MaxValue, default));
    }
}

public sealed class MemoryReminderTableTests : ReminderTableConformance
{
    protected override Task<IReminderTable> CreateAsync() => Task.FromResult<IReminderTable>(new MemoryReminderTable());
}

public sealed class SqliteReminderTableTests : ReminderTableConformance
{
    protected override async Task<IReminderTable> CreateAsync() => new SqlReminderTable(await TestDatabases.SqliteAsync());
}

public sealed class PostgreSqlReminderTableTests : ReminderTableConformance
{
    protected override async Task<IReminderTable> CreateAsync() => new SqlReminderTable(await TestDatabases.PostgresAsync());
}
