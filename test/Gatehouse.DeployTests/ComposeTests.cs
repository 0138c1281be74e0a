using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gatehouse.DeployTests.Infrastructure;

namespace Gatehouse.DeployTests;

/// <summary>
/// deploy/compose/docker-compose.yaml as Compose itself reads it (<c>docker-compose config</c>): the quick start's
/// shape, hardening and secret handling. No container engine runs here; this is what can be checked without one.
/// </summary>
public sealed partial class ComposeTests
{
    private static readonly string[] Gateways = ["gateway-a", "gateway-b"];

    [Fact]
    public async Task Compose_TwoGatewayReplicas_OneImageBehindTheLoadBalancer()
    {
        var services = (await Rendering.ComposeModelAsync())["services"]!;

        foreach (var name in Gateways)
        {
            var gateway = services[name]!;
            Assert.Equal("gatehouse:local", (string?)gateway["image"]);
            Assert.Equal("deploy/container/Dockerfile", (string?)gateway["build"]!["dockerfile"]);
            Assert.Equal(Repository.Root, (string?)gateway["build"]!["context"]);
            Assert.Null(gateway["ports"]);                               // reached only through the load balancer
        }

        var balancer = services["loadbalancer"]!;
        var port = Assert.Single(balancer["ports"]!.AsArray())!;
        Assert.Equal("8080", (string?)port["published"]);
        Assert.Equal("8080", (string?)port["target"]);
        foreach (var name in Gateways)
        {
            Assert.Equal("service_healthy", (string?)balancer["depends_on"]![name]!["condition"]);
        }

        // The load balancer's configuration sends traffic to exactly those two replicas.
        var nginx = await File.ReadAllTextAsync(Path.Combine(Repository.Compose, "nginx.conf"), TestContext.Current.CancellationToken);
        var upstreams = UpstreamServer().Matches(nginx).Select(m => m.Groups[1].Value).Order();
        Assert.Equal(Gateways.Select(g => $"{g}:8080"), upstreams);
        var mounted = Strings(balancer["volumes"]).Single(v => v.EndsWith(":/etc/nginx/nginx.conf:ro", StringComparison.Ordinal));
        Assert.StartsWith(Path.Combine(Repository.Compose, "nginx.conf"), mounted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_Gateways_RunNonRootOnAReadOnlyRootFilesystem()
    {
        var services = (await Rendering.ComposeModelAsync())["services"]!;

        foreach (var name in Gateways)
        {
            var gateway = services[name]!;
            var user = (string?)gateway["user"];
            Assert.Matches("^[0-9]+:[0-9]+$", user);
            Assert.NotEqual("0", user!.Split(':')[0]);
            Assert.Equal("true", (string?)gateway["read_only"]);
            Assert.Contains("/tmp", Strings(gateway["tmpfs"]));
            Assert.Contains("ALL", Strings(gateway["cap_drop"]));
            Assert.Contains("no-new-privileges:true", Strings(gateway["security_opt"]));
            // Nothing writable but the tmpfs: configuration is mounted read-only, and no volume holds state.
            Assert.All(Strings(gateway["volumes"]), volume => Assert.EndsWith(":ro", volume, StringComparison.Ordinal));
        }

        foreach (var name in new[] { "loadbalancer", "demo-upstream" })
        {
            Assert.Equal("true", (string?)services[name]!["read_only"]);
        }
    }

    [Fact]
    public async Task Compose_EveryService_HasAHealthcheck_GatewaysOnReadyz()
    {
        var services = (await Rendering.ComposeModelAsync())["services"]!.AsObject();

        Assert.Equal(["demo-upstream", "gateway-a", "gateway-b", "keycloak", "loadbalancer", "postgres"], services.Select(s => s.Key).Order());
        foreach (var (name, service) in services)
        {
            var test = Strings(service!["healthcheck"]?["test"]);
            Assert.True(test.Count > 1 && test[0] == "CMD", $"{name} has no healthcheck command");
        }

        foreach (var name in Gateways)
        {
            Assert.Contains("GET /readyz ", string.Join(' ', Strings(services[name]!["healthcheck"]!["test"])), StringComparison.Ordinal);
            Assert.Equal("service_healthy", (string?)services[name]!["depends_on"]!["postgres"]!["condition"]);
        }
    }

    [Fact]
    public async Task Compose_Secrets_ComeFromFilesMadeBySecretsScript_NeverFromTheComposeFile()
    {
        var model = await Rendering.ComposeModelAsync();
        var raw = await File.ReadAllTextAsync(Path.Combine(Repository.Compose, "docker-compose.yaml"), TestContext.Current.CancellationToken);

        // Every secret is a file under ./secrets, which make-secrets.sh writes and git ignores.
        var secrets = model["secrets"]!.AsObject();
        Assert.Equal(["checkpoint_key", "masking_key", "postgres_connection", "postgres_password", "upstream_api_key"], secrets.Select(s => s.Key).Order());
        foreach (var (name, secret) in secrets)
        {
            Assert.Equal(Path.Combine(Repository.Compose, "secrets", name), (string?)secret!["file"]);
        }

        var ignored = await File.ReadAllLinesAsync(Path.Combine(Repository.Compose, ".gitignore"), TestContext.Current.CancellationToken);
        Assert.Contains("secrets/", ignored);
        Assert.Contains(".env", ignored);
        var script = await File.ReadAllTextAsync(Path.Combine(Repository.Compose, "make-secrets.sh"), TestContext.Current.CancellationToken);
        Assert.All(secrets, s => Assert.Contains($"secrets/{s.Key}", script, StringComparison.Ordinal));

        // A variable that names a password, key, secret or token is given by interpolation or as a file, never written out.
        foreach (Match setting in SecretSetting().Matches(raw))
        {
            var value = setting.Groups["value"].Value.Trim().Trim('"');
            Assert.True(
                value.StartsWith("${", StringComparison.Ordinal) || value.StartsWith("/run/secrets/", StringComparison.Ordinal),
                $"{setting.Groups["name"].Value} is written in docker-compose.yaml: give it as a secret file or ${{VARIABLE}}");
        }

        Assert.DoesNotMatch("(?i)password=", raw);                      // no connection string with its password

        // Keycloak's administrator password arrives only by interpolation, and only there.
        var rendered = model.ToJsonString();
        Assert.Equal(Rendering.AdminPasswordMarker, (string?)model["services"]!["keycloak"]!["environment"]!["KC_BOOTSTRAP_ADMIN_PASSWORD"]);
        Assert.Single(Regex.Matches(rendered, Rendering.AdminPasswordMarker));
    }

    [Fact]
    public async Task Compose_Gateways_MountExactlyTheSecretFilesTheirConfigurationReads()
    {
        var services = (await Rendering.ComposeModelAsync())["services"]!;
        var lines = await File.ReadAllLinesAsync(Path.Combine(Repository.Compose, "gatehouse.yaml"), TestContext.Current.CancellationToken);
        var config = string.Join('\n', lines.Select(line => line.Split('#')[0]));   // settings, not the comments' examples
        var read = SecretPath().Matches(config).Select(m => m.Groups[1].Value).Distinct().Order().ToList();

        foreach (var name in Gateways)
        {
            var mounted = services[name]!["secrets"]!.AsArray().Select(s => (string?)s!["source"]).Order();
            Assert.Equal(read, mounted);
        }
    }

    [Fact]
    public async Task Compose_WithoutTheSecretsScript_RefusesAndSaysWhatToRun()
    {
        var (exitCode, _, error) = await Rendering.ComposeConfigAsync(new Dictionary<string, string> { ["KEYCLOAK_ADMIN_PASSWORD"] = "" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("run ./make-secrets.sh first", error, StringComparison.Ordinal);
    }

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(item => (string?)item ?? "")] : [];

    [GeneratedRegex(@"^\s*server\s+([a-z0-9-]+:[0-9]+)", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"^\s*(?<name>[A-Z0-9_]*(?:PASSWORD|SECRET|TOKEN|_KEY)[A-Z0-9_]*)\s*[:=]\s*(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex SecretSetting();

    [GeneratedRegex(@"/run/secrets/([a-z_]+)")]
    private static partial Regex SecretPath();
}
