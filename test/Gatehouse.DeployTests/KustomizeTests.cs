using System.Text.Json.Nodes;
using Gatehouse.DeployTests.Infrastructure;

namespace Gatehouse.DeployTests;

/// <summary>
/// deploy/kubernetes as <c>kubectl kustomize</c> renders it, base and every overlay: probes, hardening, disruption
/// budget, autoscaler, and the Secret and ConfigMap wiring the gateway's configuration relies on.
/// </summary>
public sealed class KustomizeTests
{
    public static TheoryData<string> Folders => ["base", "overlays/dev", "overlays/production"];

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task Kustomize_Deployment_ReadinessOnReadyz_LivenessOnHealthz(string folder)
    {
        var gateway = GatewayContainer(await Rendering.KustomizeAsync(folder));

        Assert.Equal("/readyz", (string?)gateway["readinessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/healthz", (string?)gateway["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/healthz", (string?)gateway["startupProbe"]!["httpGet"]!["path"]);
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            Assert.Equal("http", (string?)gateway[probe]!["httpGet"]!["port"]);
        }

        Assert.Equal("8080", (string?)gateway["ports"]![0]!["containerPort"]);
        Assert.Equal("http", (string?)gateway["ports"]![0]!["name"]);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task Kustomize_Pods_RunNonRootOnAReadOnlyRootFilesystem(string folder)
    {
        var objects = await Rendering.KustomizeAsync(folder);
        var pod = objects.Single("Deployment")["spec"]!["template"]!["spec"]!;

        Assert.Equal("true", (string?)pod["securityContext"]!["runAsNonRoot"]);
        Assert.NotEqual("0", (string?)pod["securityContext"]!["runAsUser"]);
        Assert.Equal("false", (string?)pod["automountServiceAccountToken"]);
        var containers = pod["containers"]!.AsArray().Concat(pod["initContainers"]!.AsArray()).ToList();
        Assert.All(containers, container =>
        {
            var security = container!["securityContext"]!;
            Assert.Equal("true", (string?)security["readOnlyRootFilesystem"]);
            Assert.Equal("false", (string?)security["allowPrivilegeEscalation"]);
            Assert.Equal("ALL", (string?)security["capabilities"]!["drop"]![0]);
            Assert.NotNull(container["resources"]!["requests"]);
            Assert.NotNull(container["resources"]!["limits"]!["memory"]);
        });

        // The one writable path: /tmp, on an emptyDir (the single-file executable unpacks its native library there).
        var gateway = GatewayContainer(objects);
        var tmp = gateway["volumeMounts"]!.AsArray().Single(m => (string?)m!["mountPath"] == "/tmp")!;
        var volume = pod["volumes"]!.AsArray().Single(v => (string?)v!["name"] == (string?)tmp["name"])!;
        Assert.NotNull(volume["emptyDir"]);
        Assert.All(gateway["volumeMounts"]!.AsArray().Where(m => (string?)m!["mountPath"] != "/tmp"),
            mount => Assert.Equal("true", (string?)mount!["readOnly"]));
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task Kustomize_DisruptionBudgetAndAutoscaler_CoverTheDeployment(string folder)
    {
        var objects = await Rendering.KustomizeAsync(folder);
        var deployment = objects.Single("Deployment");
        var podLabels = deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();

        var budget = objects.Single("PodDisruptionBudget");
        Assert.Equal("policy/v1", (string?)budget["apiVersion"]);
        Assert.All(budget["spec"]!["selector"]!["matchLabels"]!.AsObject(),
            label => Assert.Equal((string?)label.Value, (string?)podLabels[label.Key]));
        Assert.Equal((string?)deployment["spec"]!["selector"]!["matchLabels"]!["app.kubernetes.io/name"], (string?)podLabels["app.kubernetes.io/name"]);

        var autoscaler = objects.Single("HorizontalPodAutoscaler");
        Assert.Equal("autoscaling/v2", (string?)autoscaler["apiVersion"]);
        Assert.Equal("Deployment", (string?)autoscaler["spec"]!["scaleTargetRef"]!["kind"]);
        Assert.Equal((string?)deployment["metadata"]!["name"], (string?)autoscaler["spec"]!["scaleTargetRef"]!["name"]);
        var min = int.Parse((string)autoscaler["spec"]!["minReplicas"]!);
        var max = int.Parse((string)autoscaler["spec"]!["maxReplicas"]!);
        Assert.InRange(min, 1, max);

        // The budget never blocks every drain: at the autoscaler's floor, at least one replica may still be evicted.
        if (budget["spec"]!["minAvailable"] is { } minAvailable)
        {
            Assert.True(int.Parse((string)minAvailable!) < min, $"minAvailable {minAvailable} leaves nothing to evict at {min} replicas");
        }
        else
        {
            Assert.True(int.Parse((string)budget["spec"]!["maxUnavailable"]!) >= 1);
        }

        var service = objects.Single("Service");
        Assert.Equal("gatehouse", (string?)service["spec"]!["selector"]!["app.kubernetes.io/name"]);
        Assert.Equal("http", (string?)service["spec"]!["ports"]![0]!["targetPort"]);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task Kustomize_Secrets_AreReferencedByName_TheConfigReadsEachOne(string folder)
    {
        var objects = await Rendering.KustomizeAsync(folder);
        Assert.DoesNotContain(objects, o => (string?)o["kind"] == "Secret");       // made by the operator, never shipped
        var pod = objects.Single("Deployment")["spec"]!["template"]!["spec"]!;
        var gateway = GatewayContainer(objects);

        var fromSecrets = gateway["env"]!.AsArray()
            .Where(e => e!["valueFrom"]?["secretKeyRef"] is not null)
            .ToDictionary(e => (string)e!["name"]!, e => e!["valueFrom"]!["secretKeyRef"]!);
        Assert.All(fromSecrets.Values, reference => Assert.Equal("gatehouse-secrets", (string?)reference["name"]));

        // Every variable the configuration reads a secret from is set from the Secret, and nothing else is.
        var config = Yaml.Document((string)objects.Single("ConfigMap")["data"]!["gatehouse.yaml"]!);
        string[] read =
        [
            (string)config["storage"]!["postgres"]!["env"]!,
            (string)config["masking"]!["fingerprintKey"]!["env"]!,
            .. config["connections"]!.AsArray().Select(c => (string)c!["credential"]!["env"]!),
        ];
        Assert.Equal(read.Order(), fromSecrets.Keys.Order());

        // The checkpoint key is a file: copied from the Secret by the init container to where the configuration reads it.
        var secretVolume = pod["volumes"]!.AsArray().Single(v => v!["secret"] is not null)!;
        Assert.Equal("gatehouse-secrets", (string?)secretVolume["secret"]!["secretName"]);
        var keyPath = (string)config["audit"]!["checkpoints"]!["key"]!;
        var keys = gateway["volumeMounts"]!.AsArray().Single(m => keyPath.StartsWith((string)m!["mountPath"]! + "/", StringComparison.Ordinal))!;
        var init = pod["initContainers"]!.AsArray().Single()!;
        Assert.Contains(init["volumeMounts"]!.AsArray(), m => (string?)m!["name"] == (string?)keys["name"]);
        Assert.Contains(init["volumeMounts"]!.AsArray(), m => (string?)m!["name"] == (string?)secretVolume["name"]);
        Assert.Contains($"-m 600 ", string.Join(' ', init["command"]!.AsArray().Select(c => (string?)c)), StringComparison.Ordinal);
        Assert.EndsWith("/" + Path.GetFileName(keyPath), string.Join(' ', init["command"]!.AsArray().Select(c => (string?)c)), StringComparison.Ordinal);

        // The configuration is the generated ConfigMap, mounted where GATEHOUSE_CONFIG points.
        var configMap = objects.Single("ConfigMap");
        var configVolume = pod["volumes"]!.AsArray().Single(v => v!["configMap"] is not null)!;
        Assert.Equal((string?)configMap["metadata"]!["name"], (string?)configVolume["configMap"]!["name"]);
        Assert.StartsWith("gatehouse-config-", (string?)configMap["metadata"]!["name"], StringComparison.Ordinal);
        var configPath = (string?)gateway["env"]!.AsArray().Single(e => (string?)e!["name"] == "GATEHOUSE_CONFIG")!["value"];
        var mount = gateway["volumeMounts"]!.AsArray().Single(m => (string?)m!["name"] == (string?)configVolume["name"])!;
        Assert.Equal($"{(string?)mount["mountPath"]}/gatehouse.yaml", configPath);
        Assert.Equal($"{(string?)mount["mountPath"]}/policy.yaml", (string?)config["policy"]!["file"]);
    }

    [Theory]
    [InlineData("overlays/dev", "gatehouse-dev", 1)]
    [InlineData("overlays/production", "gatehouse", 3)]
    public async Task Kustomize_Overlays_SetNamespaceReplicasAndImage(string folder, string ns, int replicas)
    {
        var objects = await Rendering.KustomizeAsync(folder);

        Assert.All(objects, o => Assert.Equal(ns, (string?)o["metadata"]!["namespace"]));
        var deployment = objects.Single("Deployment");
        Assert.Equal(replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)deployment["spec"]!["replicas"]);
        Assert.Equal(replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)objects.Single("HorizontalPodAutoscaler")["spec"]!["minReplicas"]);
        var pod = deployment["spec"]!["template"]!["spec"]!;
        var images = pod["containers"]!.AsArray().Concat(pod["initContainers"]!.AsArray()).Select(c => (string)c!["image"]!).Distinct().ToList();
        var image = Assert.Single(images);                              // the init container runs the gateway's own image
        Assert.Contains('/', image);
        if (ns == "gatehouse")
        {
            Assert.DoesNotMatch(":latest$", image);                    // production pins a release
        }
    }

    private static JsonNode GatewayContainer(IReadOnlyList<JsonNode> objects) =>
        objects.Single("Deployment")["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single(c => (string?)c!["name"] == "gatehouse")!;
}
