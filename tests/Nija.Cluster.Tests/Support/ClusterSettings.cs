namespace Nija.Cluster.Tests.Support;

/// <summary>The configuration a test silo or client gets: the test PostgreSQL, its own deployment name, fast detection.</summary>
public static class ClusterSettings
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("NIJA_TEST_POSTGRES")
        ?? throw new InvalidOperationException("NIJA_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");

    public static Dictionary<string, string> Common(string serviceId) => new()
    {
        ["Nija:Storage:Provider"] = "PostgreSql",
        ["Nija:Storage:PostgreSql:ConnectionString"] = ConnectionString,
        ["Nija:Silo:ServiceId"] = serviceId,
        ["Nija:Silo:DefaultResponseTimeout"] = "00:00:10",
        ["Nija:Silo:MinimumReminderPeriod"] = "00:00:01",
        ["Nija:Silo:ReminderRefreshPeriod"] = "00:00:02",
        ["Nija:Cluster:Enabled"] = "true",

        // Every silo of a cluster shares the vault's master key (from a secret in production).
        ["Nija:Vault:MasterKeys:test-1"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        ["Nija:Vault:ActiveKeyId"] = "test-1",
    };

    public static Dictionary<string, string> ForSilo(string serviceId, int port)
    {
        var settings = Common(serviceId);
        settings["Nija:Cluster:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Nija:Cluster:ListenHost"] = "127.0.0.1";
        settings["urls"] = "http://127.0.0.1:0";
        settings["Nija:DataDir"] = Path.Combine(Path.GetTempPath(), "nija-cluster-tests", serviceId);
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Logging:Console:FormatterName"] = "simple";
        settings["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ";
        return settings;
    }
}
