using System.Text;
using Nija.Runtime.Persistence;
using Nija.Runtime.Sql;
using Nija.Runtime.Sqlite;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Persistence;

/// <summary>
/// SQLite stores large grain states compressed, marked in their own column, so that a state write
/// touches fewer pages; what a grain reads back is always exactly what it wrote.
/// </summary>
public sealed class SqliteStateCompressionTests
{
    private static readonly StateKey Key = new(TestDatabases.NewServiceId(), "trading", "u_1", "trading");

    private static byte[] OrdersJson(int orders) =>
        Encoding.UTF8.GetBytes("{\"orders\":[" + string.Join(",", Enumerable.Range(0, orders).Select(i =>
            $"{{\"id\":\"o_{i:D6}\",\"symbol\":\"BTC-USD\",\"side\":\"buy\",\"status\":\"filled\",\"quantity\":0.00083,\"price\":60123.5}}")) + "]}");

    [Fact]
    public async Task A_state_above_the_threshold_is_stored_compressed_and_reads_back_unchanged()
    {
        var dialect = await TestDatabases.SqliteAsync();
        var storage = new SqlGrainStorage(dialect, TimeProvider.System);
        var payload = OrdersJson(100);

        await storage.WriteAsync(Key, payload, null, default);

        var (stored, codec) = await RawRowAsync(dialect);
        Assert.Equal(StatePayloadCodec.Snappy, codec);
        Assert.True(stored.Length < payload.Length / 4, $"{payload.Length} bytes stored as {stored.Length}");
        Assert.Equal(payload, (await storage.ReadAsync(Key, default))!.Payload);
    }

    [Fact]
    public async Task A_state_at_the_threshold_or_one_that_does_not_compress_is_stored_as_it_is()
    {
        var dialect = await TestDatabases.SqliteAsync();
        var storage = new SqlGrainStorage(dialect, TimeProvider.System);
        var atThreshold = Encoding.UTF8.GetBytes(new string('a', SqliteStorageOptions.DefaultCompressStatesAbove));
        var random = new byte[4_096];
        new Random(11).NextBytes(random);

        var v1 = await storage.WriteAsync(Key, atThreshold, null, default);
        var first = await RawRowAsync(dialect);
        await storage.WriteAsync(Key, random, v1, default);
        var second = await RawRowAsync(dialect);

        Assert.Equal([StatePayloadCodec.Raw, StatePayloadCodec.Raw], [first.Codec, second.Codec]);
        Assert.Equal(atThreshold, first.Payload);
        Assert.Equal(random, second.Payload);
    }

    [Fact]
    public async Task With_compression_turned_off_a_large_state_is_stored_as_it_is()
    {
        var dialect = new SqliteDialect(new SqliteStorageOptions { DataDir = TestDatabases.NewSqliteDir() }.ConnectionString, compressStatesAbove: null);
        await SqlSchemaMigrator.MigrateAsync(dialect, CancellationToken.None);
        var payload = OrdersJson(100);

        await new SqlGrainStorage(dialect, TimeProvider.System).WriteAsync(Key, payload, null, default);

        var (stored, codec) = await RawRowAsync(dialect);
        Assert.Equal(StatePayloadCodec.Raw, codec);
        Assert.Equal(payload, stored);
    }

    [Fact]
    public async Task A_state_written_before_the_codec_column_existed_reads_back_after_the_migration_and_is_compressed_on_its_next_write()
    {
        var dir = TestDatabases.NewSqliteDir();
        var dialect = new SqliteDialect(new SqliteStorageOptions { DataDir = dir }.ConnectionString);
        await SqlSchemaMigrator.MigrateAsync(dialect, "runtime", [dialect.Migrations[0]], CancellationToken.None);
        var old = OrdersJson(50);
        await using (var connection = await dialect.OpenAsync(CancellationToken.None))
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO nija_grain_state (service_id, grain_type, grain_key, state_name, payload, version, modified_at) VALUES (@s, @t, @k, @n, @p, 3, 0)";
            insert.Parameters.Add(insert, "s", Key.ServiceId);
            insert.Parameters.Add(insert, "t", Key.GrainType);
            insert.Parameters.Add(insert, "k", Key.GrainKey);
            insert.Parameters.Add(insert, "n", Key.StateName);
            insert.Parameters.Add(insert, "p", old);
            await insert.ExecuteNonQueryAsync();
        }

        await SqlSchemaMigrator.MigrateAsync(dialect, CancellationToken.None);
        var storage = new SqlGrainStorage(dialect, TimeProvider.System);
        var read = await storage.ReadAsync(Key, default);
        var next = OrdersJson(60);
        await storage.WriteAsync(Key, next, read!.Version, default);

        Assert.Equal(old, read.Payload);
        Assert.Equal(3L, read.Version);
        Assert.Equal(StatePayloadCodec.Snappy, (await RawRowAsync(dialect)).Codec);
        Assert.Equal(next, (await storage.ReadAsync(Key, default))!.Payload);
    }

    [Fact]
    public async Task Compressed_states_survive_the_move_to_a_rowid_table_whose_rows_keep_a_state_in_their_leaf_page()
    {
        var dialect = new SqliteDialect(new SqliteStorageOptions { DataDir = TestDatabases.NewSqliteDir() }.ConnectionString);
        await SqlSchemaMigrator.MigrateAsync(dialect, "runtime", [.. dialect.Migrations.Take(2)], CancellationToken.None);
        var storage = new SqlGrainStorage(dialect, TimeProvider.System);
        var payload = OrdersJson(100);
        var version = await storage.WriteAsync(Key, payload, null, default);

        await SqlSchemaMigrator.MigrateAsync(dialect, CancellationToken.None);

        var read = await storage.ReadAsync(Key, default);
        Assert.Equal(payload, read!.Payload);
        Assert.Equal(version, read.Version);
        Assert.Equal(StatePayloadCodec.Snappy, (await RawRowAsync(dialect)).Codec);
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var rowid = connection.CreateCommand();
        rowid.CommandText = "SELECT COUNT(rowid) FROM nija_grain_state"; // fails on a WITHOUT ROWID table
        Assert.Equal(1L, await rowid.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData(StatePayloadCodec.Brotli)]
    [InlineData(StatePayloadCodec.Deflate)]
    public async Task A_state_written_with_an_earlier_codec_reads_back_and_its_next_write_is_Snappy(int earlier)
    {
        var dialect = await TestDatabases.SqliteAsync();
        var storage = new SqlGrainStorage(dialect, TimeProvider.System);
        var old = OrdersJson(80);
        var version = await storage.WriteAsync(Key, OrdersJson(1), null, default);
        await using (var connection = await dialect.OpenAsync(CancellationToken.None))
        await using (var update = connection.CreateCommand())
        {
            using var compressed = new MemoryStream();
            using (Stream encoder = earlier == StatePayloadCodec.Brotli
                ? new System.IO.Compression.BrotliStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)
                : new System.IO.Compression.DeflateStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            {
                encoder.Write(old);
            }

            update.CommandText = "UPDATE nija_grain_state SET payload = @p, payload_codec = @c WHERE service_id = @s AND grain_key = @k";
            update.Parameters.Add(update, "p", compressed.ToArray());
            update.Parameters.Add(update, "c", earlier);
            update.Parameters.Add(update, "s", Key.ServiceId);
            update.Parameters.Add(update, "k", Key.GrainKey);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var read = await storage.ReadAsync(Key, default);
        await storage.WriteAsync(Key, OrdersJson(90), version, default);

        Assert.Equal(old, read!.Payload);
        Assert.Equal(StatePayloadCodec.Snappy, (await RawRowAsync(dialect)).Codec);
        Assert.Equal(OrdersJson(90), (await storage.ReadAsync(Key, default))!.Payload);
    }

    [Fact]
    public void A_negative_threshold_is_refused_naming_the_setting()
    {
        var result = new SqliteStorageOptionsValidator().Validate(null, new SqliteStorageOptions { CompressStatesAbove = -1 });

        Assert.True(result.Failed);
        Assert.Contains("Nija:Storage:Sqlite:CompressStatesAbove", result.FailureMessage, StringComparison.Ordinal);
    }

    private static async Task<(byte[] Payload, int Codec)> RawRowAsync(SqlDialect dialect)
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT payload, payload_codec FROM nija_grain_state WHERE service_id = @s AND grain_key = @k";
        select.Parameters.Add(select, "s", Key.ServiceId);
        select.Parameters.Add(select, "k", Key.GrainKey);
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return ((byte[])reader.GetValue(0), reader.GetInt32(1));
    }
}
