namespace Nija.Cluster.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repo
{
    /// <summary>The repository root (the folder with Nija.Orleans.sln).</summary>
    public static string Root { get; } = FindRoot();

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
