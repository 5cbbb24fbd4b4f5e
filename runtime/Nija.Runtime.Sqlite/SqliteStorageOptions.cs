using Microsoft.Extensions.Options;

namespace Nija.Runtime.Sqlite;

/// <summary>SQLite storage settings, bound from <c>Nija:Storage:Sqlite</c>.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Nija:Storage:Sqlite";

    /// <summary>The folder holding the database; created if missing. Default: ./data.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>The database file name within <see cref="DataDir"/>.</summary>
    public string FileName { get; set; } = "nija.db";

    /// <summary>The default of <see cref="CompressStatesAbove"/>.</summary>
    public const int DefaultCompressStatesAbove = 1024;

    /// <summary>The most writes committed together.</summary>
    public int MaxWriteBatch { get; set; } = 256;

    /// <summary>
    /// Grain states longer than this many bytes are stored Snappy-compressed (a large state then
    /// writes fewer pages per commit); 0 turns compression off. Either way every stored state reads back.
    /// </summary>
    public int CompressStatesAbove { get; set; } = DefaultCompressStatesAbove;

    /// <summary>The default of <see cref="WalAutoCheckpointPages"/>.</summary>
    public const int DefaultWalAutoCheckpointPages = 10_000;

    /// <summary>
    /// How many pages the write-ahead log may hold before a commit copies them into the database
    /// (SQLite's own default is 1,000). Larger means fewer checkpoints, each copying a page rewritten
    /// many times in between only once, at the cost of a larger WAL file (one <see cref="PageSize"/> per page).
    /// </summary>
    public int WalAutoCheckpointPages { get; set; } = DefaultWalAutoCheckpointPages;

    /// <summary>The default of <see cref="CheckpointInterval"/>.</summary>
    public static readonly TimeSpan DefaultCheckpointInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How often a background connection copies the write-ahead log into the database (see
    /// <see cref="SqliteCheckpointer"/>), so that commits seldom do it themselves; zero leaves it to the
    /// commits (every <see cref="WalAutoCheckpointPages"/> pages), as SQLite does by default.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = DefaultCheckpointInterval;

    /// <summary>The default of <see cref="PageSize"/>.</summary>
    public const int DefaultPageSize = 8_192;

    /// <summary>
    /// The page size of a database file created from now on, in bytes (a power of two from 512 to 65,536;
    /// SQLite's own default is 4,096). A file that exists keeps the size it was created with.
    /// </summary>
    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>The connection string for these settings.</summary>
    public string ConnectionString => $"Data Source={Path.Combine(Path.GetFullPath(DataDir), FileName)};Pooling=True";
}

/// <summary>Rejects unusable SQLite settings, naming the setting.</summary>
public sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            errors.Add($"{SqliteStorageOptions.Section}:DataDir must name a folder.");
        }

        if (string.IsNullOrWhiteSpace(options.FileName) || options.FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            errors.Add($"{SqliteStorageOptions.Section}:FileName must be a plain file name.");
        }

        if (options.MaxWriteBatch is < 1 or > 10_000)
        {
            errors.Add($"{SqliteStorageOptions.Section}:MaxWriteBatch must be between 1 and 10000.");
        }

        if (options.WalAutoCheckpointPages is < 100 or > 1_000_000)
        {
            errors.Add($"{SqliteStorageOptions.Section}:WalAutoCheckpointPages must be between 100 and 1000000.");
        }

        if (options.CheckpointInterval < TimeSpan.Zero || options.CheckpointInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{SqliteStorageOptions.Section}:CheckpointInterval must be between 00:00:00 (off) and 00:01:00.");
        }

        if (options.PageSize is < 512 or > 65_536 || !int.IsPow2(options.PageSize))
        {
            errors.Add($"{SqliteStorageOptions.Section}:PageSize must be a power of two from 512 to 65536.");
        }

        if (options.CompressStatesAbove < 0)
        {
            errors.Add($"{SqliteStorageOptions.Section}:CompressStatesAbove must be 0 (off) or a size in bytes.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
