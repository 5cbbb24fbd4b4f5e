using System.Text.RegularExpressions;
using Nija.Cluster.Tests.Support;
using Nija.Runtime.Cluster;
using Nija.Silo.Health;
using static Nija.Cluster.Tests.Support.Manifests;

namespace Nija.Cluster.Tests;

/// <summary>
/// No Docker engine or Kubernetes runs here, so the deployment files are checked against the code:
/// every setting they pass is one the code binds, ports and probe paths are the ones the processes
/// serve, images and Dockerfiles agree, and selectors and secrets refer to things that exist.
/// </summary>
public sealed partial class DeploymentManifestTests
{
    private static readonly int SiloPort = new ClusterOptions().Port;

    [Fact]
    public void Every_Nija_setting_in_the_manifests_and_Dockerfiles_is_one_the_code_binds()
    {
        var keys = new List<string>();
        foreach (var service in Map(Load(Path("compose.yaml"))[0], "services").Values)
        {
            keys.AddRange(((service as Dictionary<object, object>)?.GetValueOrDefault("environment") as Dictionary<object, object>)?.Keys.Cast<string>() ?? []);
        }

        foreach (var workload in KubernetesObjects().Where(o => Scalar(o, "kind") is "Deployment" or "StatefulSet"))
        {
            keys.AddRange(Containers(workload).SelectMany(c => List(c, "env")).Select(e => Scalar(e, "name")!));
        }

        foreach (var dockerfile in new[] { "silo.Dockerfile", "api.Dockerfile" })
        {
            keys.AddRange(EnvKey().Matches(File.ReadAllText(Path("docker", dockerfile))).Select(m => m.Groups[1].Value));
        }

        var nija = keys.Where(k => k.StartsWith("Nija__", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(nija.Count >= 8, $"Expected the manifests to configure the cluster; found {nija.Count} settings.");
        Assert.All(nija, k => Assert.True(KnownSettings.IsKnown(k), $"{k} is not a setting any options class binds."));
    }

    [Fact]
    public void Silo_ports_and_probes_are_the_ones_the_silo_serves()
    {
        var k8s = KubernetesObjects();
        var silo = Containers(Find(k8s, "Deployment", "silo")).Single();
        var ports = List(silo, "ports").ToDictionary(p => Scalar(p, "name")!, p => int.Parse(Scalar(p, "containerPort")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(SiloPort, ports["silo"]);
        Assert.Equal(SiloHealthEndpoints.DefaultPort, ports["health"]);
        Assert.Equal(SiloHealthEndpoints.Ready, Scalar(Map(Map(silo, "readinessProbe"), "httpGet"), "path"));
        Assert.Equal(SiloHealthEndpoints.Live, Scalar(Map(Map(silo, "livenessProbe"), "httpGet"), "path"));

        var dockerfile = File.ReadAllText(Path("docker", "silo.Dockerfile"));
        Assert.Contains($"EXPOSE {SiloPort} {SiloHealthEndpoints.DefaultPort}", dockerfile, StringComparison.Ordinal);
        var compose = Map(Load(Path("compose.yaml"))[0], "services");
        var check = string.Join(' ', List(Map(compose["silo1"], "healthcheck"), "test"));
        Assert.Contains($":{SiloHealthEndpoints.DefaultPort}{SiloHealthEndpoints.Ready}", check, StringComparison.Ordinal);

        var policy = Find(k8s, "NetworkPolicy", "silo");
        var policyPorts = List(Map(policy, "spec"), "ingress").SelectMany(i => List(i, "ports")).Select(p => Scalar(p, "port")).ToList();
        Assert.Contains(SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture), policyPorts);
    }

    [Fact]
    public void Api_probes_service_and_autoscaler_point_at_the_api_deployment()
    {
        var k8s = KubernetesObjects();
        var deployment = Find(k8s, "Deployment", "api");
        var api = Containers(deployment).Single();
        Assert.Equal("/api/ready", Scalar(Map(Map(api, "readinessProbe"), "httpGet"), "path"));
        Assert.Equal("/api/health", Scalar(Map(Map(api, "livenessProbe"), "httpGet"), "path"));
        Assert.Contains("Client", List(api, "env").Where(e => Scalar(e, "name") == "Nija__Cluster__Role").Select(e => Scalar(e, "value")));

        var portNames = List(api, "ports").Select(p => Scalar(p, "name")).ToList();
        var service = Find(k8s, "Service", "api");
        Assert.All(List(Map(service, "spec"), "ports"), p => Assert.Contains(Scalar(p, "targetPort"), portNames));
        Assert.Equal(Labels(deployment), Map(Map(service, "spec"), "selector").ToDictionary(kv => kv.Key.ToString()!, kv => kv.Value.ToString()!));
        Assert.Equal("api", Scalar(Map(Map(Find(k8s, "HorizontalPodAutoscaler", "api"), "spec"), "scaleTargetRef"), "name"));
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Nija.Api.dll\"]", File.ReadAllText(Path("docker", "api.Dockerfile")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_disruption_budget_covers_the_silos_and_every_secret_reference_exists()
    {
        var k8s = KubernetesObjects();
        var silo = Find(k8s, "Deployment", "silo");
        var budget = Find(k8s, "PodDisruptionBudget", "silo");
        Assert.Equal(Labels(silo), Map(Map(Map(budget, "spec"), "selector"), "matchLabels").ToDictionary(kv => kv.Key.ToString()!, kv => kv.Value.ToString()!));

        var secretKeys = Map(Find(k8s, "Secret", "nija-secrets"), "stringData").Keys.Cast<string>().ToHashSet();
        var references = k8s.Where(o => Scalar(o, "kind") is "Deployment" or "StatefulSet")
            .SelectMany(Containers).SelectMany(c => List(c, "env"))
            .Select(e => (e as Dictionary<object, object>)?.GetValueOrDefault("valueFrom") as Dictionary<object, object>)
            .Where(v => v?.ContainsKey("secretKeyRef") == true)
            .Select(v => Map(v, "secretKeyRef")).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            Assert.Equal("nija-secrets", Scalar(r, "name"));
            Assert.Contains(Scalar(r, "key")!, secretKeys);
        });
    }

    [Fact]
    public void Images_are_built_by_the_Dockerfiles_and_run_as_a_non_root_user()
    {
        var k8s = KubernetesObjects();
        var images = List(Load(Path("k8s", "kustomization.yaml"))[0], "images").Select(i => Scalar(i, "name")).ToHashSet();
        var used = k8s.Where(o => Scalar(o, "kind") == "Deployment").SelectMany(Containers).Select(c => Scalar(c, "image")).ToList();
        Assert.All(used, image => Assert.Contains(image, images));

        var compose = Map(Load(Path("compose.yaml"))[0], "services");
        foreach (var (service, dockerfile, dll) in new[] { ("silo1", "silo.Dockerfile", "Nija.Silo.dll"), ("api", "api.Dockerfile", "Nija.Api.dll") })
        {
            var build = Map(compose[service], "build");
            Assert.Equal($"deploy/docker/{dockerfile}", Scalar(build, "dockerfile"));
            Assert.Contains(Scalar(compose[service], "image"), images);
            var text = File.ReadAllText(Path("docker", dockerfile));
            Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{dll}\"]", text, StringComparison.Ordinal);
            Assert.Contains("AS build", text, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^USER app$", text);
        }
    }

    private static Dictionary<string, string> Labels(Dictionary<object, object> workload) =>
        Map(Map(Map(workload, "spec"), "selector"), "matchLabels").ToDictionary(kv => kv.Key.ToString()!, kv => kv.Value.ToString()!);

    [GeneratedRegex(@"(Nija__[A-Za-z0-9_\-]+)=")]
    private static partial Regex EnvKey();
}
