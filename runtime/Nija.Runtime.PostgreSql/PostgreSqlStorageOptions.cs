using Microsoft.Extensions.Options;
using Npgsql;

namespace Nija.Runtime.PostgreSql;

/// <summary>PostgreSQL storage settings, bound from <c>Nija:Storage:PostgreSql</c>.</summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Nija:Storage:PostgreSql";

    /// <summary>An Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>How many write batches may commit at once.</summary>
    public int WriteConcurrency { get; set; } = 4;

    /// <summary>The most writes committed together.</summary>
    public int MaxWriteBatch { get; set; } = 256;
}

/// <summary>Rejects unusable PostgreSQL settings, naming the setting (never echoing the password).</summary>
public sealed class PostgreSqlStorageOptionsValidator : IValidateOptions<PostgreSqlStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgreSqlStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add($"{PostgreSqlStorageOptions.Section}:ConnectionString is required.");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException)
            {
                errors.Add($"{PostgreSqlStorageOptions.Section}:ConnectionString is not a valid connection string.");
            }
        }

        if (options.WriteConcurrency is < 1 or > 64)
        {
            errors.Add($"{PostgreSqlStorageOptions.Section}:WriteConcurrency must be between 1 and 64.");
        }

        if (options.MaxWriteBatch is < 1 or > 10_000)
        {
            errors.Add($"{PostgreSqlStorageOptions.Section}:MaxWriteBatch must be between 1 and 10000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
