namespace Nija.Cluster.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repo
{
    /// <summary>The repository root (the folder with Nija.Orleans.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The silo executable built in the same configuration as these tests.</summary>
    public static string SiloDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            var dll = Path.Combine(Root, "silo", "bin", configuration, "net10.0", "Nija.Silo.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the silo first: {dll} is missing.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nija.Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Nija.Orleans.sln not found above the test output.");
    }
}
