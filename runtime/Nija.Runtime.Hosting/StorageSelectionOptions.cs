using Microsoft.Extensions.Options;

namespace Nija.Runtime.Hosting;

/// <summary>Which store a host's silo uses, bound from <c>Nija:Storage</c>.</summary>
public sealed class StorageSelectionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Nija:Storage";

    /// <summary>Sqlite (the embedded default), PostgreSql (clusters) or Memory (demos and tests: nothing survives a restart).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The providers this host knows.</summary>
    public static readonly IReadOnlyList<string> Known = ["Sqlite", "PostgreSql", "Memory"];
}

/// <summary>Rejects an unknown provider, naming the setting and the choices.</summary>
public sealed class StorageSelectionOptionsValidator : IValidateOptions<StorageSelectionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageSelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return StorageSelectionOptions.Known.Contains(options.Provider, StringComparer.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{StorageSelectionOptions.Section}:Provider must be one of {string.Join(", ", StorageSelectionOptions.Known)} (was '{options.Provider}').");
    }
}
