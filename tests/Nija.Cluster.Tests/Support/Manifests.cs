using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Nija.Cluster.Tests.Support;

/// <summary>Reads the deployment files as plain YAML trees (merge keys resolved), and walks them.</summary>
public static class Manifests
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([Repo.Root, "deploy", .. parts]);

    /// <summary>Every document of a YAML file.</summary>
    public static List<Dictionary<object, object>> Load(string path)
    {
        var deserializer = new DeserializerBuilder().Build();
        using var reader = new StreamReader(path);
        var parser = new MergingParser(new Parser(reader));
        var docs = new List<Dictionary<object, object>>();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            if (deserializer.Deserialize<Dictionary<object, object>?>(parser) is { } doc)
            {
                docs.Add(doc);
            }
        }

        return docs;
    }

    /// <summary>The Kubernetes objects of every resource the kustomization lists.</summary>
    public static List<Dictionary<object, object>> KubernetesObjects() =>
        [.. List(Load(Path("k8s", "kustomization.yaml"))[0], "resources").Cast<string>().SelectMany(r => Load(Path("k8s", r)))];

    public static Dictionary<object, object> Map(object? node, string key) =>
        (node as Dictionary<object, object>)?.GetValueOrDefault(key) as Dictionary<object, object>
        ?? throw new KeyNotFoundException($"No map '{key}'.");

    public static List<object> List(object? node, string key) =>
        (node as Dictionary<object, object>)?.GetValueOrDefault(key) as List<object> ?? [];

    public static string? Scalar(object? node, string key) => (node as Dictionary<object, object>)?.GetValueOrDefault(key)?.ToString();

    /// <summary>The one object of a kind and name.</summary>
    public static Dictionary<object, object> Find(IEnumerable<Dictionary<object, object>> objects, string kind, string name) =>
        objects.Single(o => Scalar(o, "kind") == kind && Scalar(Map(o, "metadata"), "name") == name);

    /// <summary>The containers of a Deployment or StatefulSet.</summary>
    public static List<Dictionary<object, object>> Containers(Dictionary<object, object> workload) =>
        [.. List(Map(Map(Map(workload, "spec"), "template"), "spec"), "containers").Cast<Dictionary<object, object>>()];
}
