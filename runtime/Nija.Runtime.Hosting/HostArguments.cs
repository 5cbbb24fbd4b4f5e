namespace Nija.Runtime.Hosting;

/// <summary>Command-line arguments as Nija's hosts start with them.</summary>
public static class HostArguments
{
    /// <summary>The switch that turns off the default host's reloading of appsettings files.</summary>
    public const string NoConfigurationReload = "--hostBuilder:reloadConfigOnChange=false";

    /// <summary>
    /// <paramref name="args"/> with configuration reloading turned off, ahead of them so that an
    /// explicit <c>--hostBuilder:reloadConfigOnChange=true</c> still wins. The default host watches
    /// its content root recursively for appsettings changes, and the embedded default keeps its
    /// SQLite files under ./data inside that root, so every commit's WAL and checkpoint writes woke
    /// the watcher, which then stat-ed the changed path: a few per cent of the CPU of each order.
    /// Nija binds and validates its options once at start-up, so a reload would change nothing.
    /// </summary>
    public static string[] WithoutConfigurationReload(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [NoConfigurationReload, .. args];
    }
}
