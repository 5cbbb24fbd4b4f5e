using System.Reflection;
using Nija.Grains.Vault;
using Nija.Runtime.Cluster;
using Nija.Runtime.Hosting;
using Nija.Runtime.PostgreSql;

namespace Nija.Cluster.Tests.Support;

/// <summary>The Nija:* settings a silo or API process binds: every options class's section and properties.</summary>
public static class KnownSettings
{
    private static readonly (string Section, Type Options)[] Sections =
    [
        (SiloOptions.Section, typeof(SiloOptions)),
        (ClusterOptions.Section, typeof(ClusterOptions)),
        (StorageSelectionOptions.Section, typeof(StorageSelectionOptions)),
        (PostgreSqlStorageOptions.Section, typeof(PostgreSqlStorageOptions)),
        (VaultOptions.Section, typeof(VaultOptions)),
    ];

    // The API's options are internal to it: their names are read from its source.
    private static readonly Lazy<HashSet<string>> ApiAuth = new(() =>
        [.. System.Text.RegularExpressions.Regex.Matches(
                File.ReadAllText(System.IO.Path.Combine(Repo.Root, "api", "Auth", "AuthOptions.cs")),
                @"public [\w?]+ (\w+) \{ get; set; \}")
            .Select(m => $"Nija:Auth:{m.Groups[1].Value}".ToUpperInvariant())]);

    /// <summary>Whether a configuration key ("Nija:Cluster:Port", or "Nija__Cluster__Port" as an environment variable) is bound by the code.</summary>
    public static bool IsKnown(string key)
    {
        key = key.Replace("__", ":", StringComparison.Ordinal);
        if (key.Equals("Nija:DataDir", StringComparison.OrdinalIgnoreCase) || ApiAuth.Value.Contains(key.ToUpperInvariant()))
        {
            return true;
        }

        foreach (var (section, options) in Sections)
        {
            if (!key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = key[(section.Length + 1)..].Split(':');
            var property = options.GetProperty(rest[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            var isDictionary = property?.PropertyType.IsGenericType == true && property.PropertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>);
            if (property is not null && (rest.Length == 1 || (isDictionary && rest.Length == 2)))
            {
                return true;
            }
        }

        return false;
    }
}
