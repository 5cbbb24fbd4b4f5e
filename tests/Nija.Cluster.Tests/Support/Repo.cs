namespace Nija.Cluster.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repo
{
    /// <summary>The repository root (the folder with Nija.Orleans.sln).</summary>
    public static string Root { get; } = NodeScripts.RepoRoot();
}
