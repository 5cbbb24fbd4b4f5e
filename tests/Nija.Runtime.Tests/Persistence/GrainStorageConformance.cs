using System.Text;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Persistence;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Persistence;

/// <summary>
/// What every grain storage provider must do; each provider's test class subclasses this, like
/// Lean's BrokerageTests. Keys are unique on all four parts, versions are checked on every write.
/// </summary>
public abstract class GrainStorageConformance : IAsyncLifetime
{
    private readonly string _service = TestDatabases.NewServiceId();

    protected IGrainStorage Storage { get; private set; } = null!;

    protected abstract Task<IGrainStorage> CreateStorageAsync();

    public async Task InitializeAsync() => Storage = await CreateStorageAsync();

    public async Task DisposeAsync()
    {
        if (Storage is IAsyncDisposable d)
        {
            await d.DisposeAsync();
        }
    }

    private StateKey Key(string grain = "g1", string state = "s", string type = "counter", string? service = null) =>
        new(service ?? _service, type, grain, state);

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Reading_a_state_never_written_returns_nothing()
    {
        Assert.Null(await Storage.ReadAsync(Key(), default));
    }

    [Fact]
    public async Task A_written_state_reads_back_with_version_one()
    {
        var version = await Storage.WriteAsync(Key(), Json("{\"v\":1}"), null, default);

        var stored = await Storage.ReadAsync(Key(), default);
        Assert.Equal(1, version);
        Assert.Equal(1, stored!.Version);
        Assert.Equal("{\"v\":1}", Encoding.UTF8.GetString(stored.Payload!));
    }

    [Fact]
    public async Task Each_write_raises_the_version_by_one()
    {
        var v1 = await Storage.WriteAsync(Key(), Json("1"), null, default);
        var v2 = await Storage.WriteAsync(Key(), Json("2"), v1, default);
        var v3 = await Storage.WriteAsync(Key(), Json("3"), v2, default);

        Assert.Equal([1L, 2L, 3L], [v1, v2, v3]);
        Assert.Equal("3", Encoding.UTF8.GetString((await Storage.ReadAsync(Key(), default))!.Payload!));
    }

    [Fact]
    public async Task A_write_based_on_a_stale_version_is_refused_and_changes_nothing()
    {
        var v1 = await Storage.WriteAsync(Key(), Json("first"), null, default);
        await Storage.WriteAsync(Key(), Json("second"), v1, default);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Key(), Json("stale"), v1, default));

        Assert.Equal("1", error.CurrentEtag);
        Assert.Equal("2", error.StoredEtag);
        Assert.Equal("second", Encoding.UTF8.GetString((await Storage.ReadAsync(Key(), default))!.Payload!));
    }

    [Fact]
    public async Task A_first_write_is_refused_when_someone_else_wrote_first()
    {
        await Storage.WriteAsync(Key(), Json("theirs"), null, default);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Key(), Json("mine"), null, default));
        Assert.Equal("theirs", Encoding.UTF8.GetString((await Storage.ReadAsync(Key(), default))!.Payload!));
    }

    [Fact]
    public async Task Clearing_keeps_a_tombstone_with_a_new_version_so_stale_writers_still_fail()
    {
        var v1 = await Storage.WriteAsync(Key(), Json("x"), null, default);

        var cleared = await Storage.ClearAsync(Key(), v1, default);
        var stored = await Storage.ReadAsync(Key(), default);

        Assert.Equal(2, cleared);
        Assert.Null(stored!.Payload);
        Assert.Equal(2, stored.Version);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Key(), Json("stale"), v1, default));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Key(), Json("stale"), null, default));
        Assert.Equal(3, await Storage.WriteAsync(Key(), Json("again"), cleared, default));
    }

    [Fact]
    public async Task Clearing_with_a_stale_version_is_refused()
    {
        var v1 = await Storage.WriteAsync(Key(), Json("x"), null, default);
        await Storage.WriteAsync(Key(), Json("y"), v1, default);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(Key(), v1, default));
        Assert.Equal("y", Encoding.UTF8.GetString((await Storage.ReadAsync(Key(), default))!.Payload!));
    }

    [Fact]
    public async Task States_that_differ_in_any_one_key_part_never_collide()
    {
        var keys = new[]
        {
            Key(), Key(grain: "g2"), Key(state: "other"), Key(type: "wallet"), Key(service: _service + "-b"),
            Key(grain: "counter/g1", type: ""), Key(grain: "g1s", state: ""),
        };
        for (var i = 0; i < keys.Length; i++)
        {
            await Storage.WriteAsync(keys[i], Json($"\"{i}\""), null, default);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            var stored = await Storage.ReadAsync(keys[i], default);
            Assert.Equal($"\"{i}\"", Encoding.UTF8.GetString(stored!.Payload!));
            Assert.Equal(1, stored.Version);
        }
    }

    [Fact]
    public async Task Of_concurrent_writers_from_the_same_version_exactly_one_wins()
    {
        var v1 = await Storage.WriteAsync(Key(), Json("base"), null, default);

        var attempts = Enumerable.Range(0, 20).Select(i => Outcome(Storage.WriteAsync(Key(), Json($"\"w{i}\""), v1, default))).ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o));
        Assert.Equal(2, (await Storage.ReadAsync(Key(), default))!.Version);
    }

    [Fact]
    public async Task Many_concurrent_writes_to_different_grains_are_all_stored()
    {
        var writes = Enumerable.Range(0, 500).Select(i => Storage.WriteAsync(Key(grain: $"many-{i}"), Json(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), null, default));
        await Task.WhenAll(writes);

        for (var i = 0; i < 500; i += 37)
        {
            var stored = await Storage.ReadAsync(Key(grain: $"many-{i}"), default);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetString(stored!.Payload!));
        }
    }

    [Fact]
    public async Task Large_and_binary_states_read_back_byte_for_byte()
    {
        // Repetitive JSON (compresses well), random bytes (do not compress) and bytes that are not UTF-8 at all.
        var json = Json("[" + string.Join(",", Enumerable.Range(0, 2_000).Select(i => $"{{\"id\":\"o_{i}\",\"status\":\"filled\",\"quantity\":0.001}}")) + "]");
        var random = new byte[8_192];
        new Random(7).NextBytes(random);
        byte[] binary = [0xCE, 0xB2, 0x1F, 0x00, 0xFF, .. new byte[3_000]];

        await Storage.WriteAsync(Key(grain: "json"), json, null, default);
        await Storage.WriteAsync(Key(grain: "random"), random, null, default);
        var v1 = await Storage.WriteAsync(Key(grain: "binary"), Json("small"), null, default);
        await Storage.WriteAsync(Key(grain: "binary"), binary, v1, default);

        Assert.Equal(json, (await Storage.ReadAsync(Key(grain: "json"), default))!.Payload);
        Assert.Equal(random, (await Storage.ReadAsync(Key(grain: "random"), default))!.Payload);
        Assert.Equal(binary, (await Storage.ReadAsync(Key(grain: "binary"), default))!.Payload);
    }

    private static async Task<bool> Outcome(Task<long> write)
    {
        try
        {
            await write;
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }
}

public sealed class MemoryGrainStorageTests : GrainStorageConformance
{
    protected override Task<IGrainStorage> CreateStorageAsync() => Task.FromResult<IGrainStorage>(new MemoryGrainStorage());
}

public sealed class SqliteGrainStorageTests : GrainStorageConformance
{
    protected override async Task<IGrainStorage> CreateStorageAsync() => new Sql.SqlGrainStorage(await TestDatabases.SqliteAsync(), TimeProvider.System);
}

public sealed class PostgreSqlGrainStorageTests : GrainStorageConformance
{
    protected override async Task<IGrainStorage> CreateStorageAsync() => new Sql.SqlGrainStorage(await TestDatabases.PostgresAsync(), TimeProvider.System);
}
