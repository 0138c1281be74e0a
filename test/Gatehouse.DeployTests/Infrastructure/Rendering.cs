using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Gatehouse.Testing;

namespace Gatehouse.DeployTests.Infrastructure;

/// <summary>Renders the shipped deployment files with the tools operators use, and returns what those tools printed.</summary>
internal static class Rendering
{
    private static readonly Lazy<Task<(int ExitCode, string Output, string Error)>> ComposeModel = new(
        () => ComposeConfigAsync(new Dictionary<string, string> { ["KEYCLOAK_ADMIN_PASSWORD"] = AdminPasswordMarker }));

    private static readonly ConcurrentDictionary<string, Lazy<Task<(int, string, string)>>> Kustomized = new(StringComparer.Ordinal);

    /// <summary>The administrator password the Compose tests give Keycloak; a marker to find where it ends up.</summary>
    public const string AdminPasswordMarker = "marker-admin-password-7c1f";

    /// <summary>
    /// Runs <c>docker-compose config</c> on deploy/compose/docker-compose.yaml, with an empty env file so that a local
    /// .env (from make-secrets.sh) does not change what is tested; <paramref name="environment"/> adds variables.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> ComposeConfigAsync(IReadOnlyDictionary<string, string> environment)
    {
        var compose = DeployTool.Require("docker-compose", "docker-compose");
        var emptyEnv = Path.Combine(Path.GetTempPath(), $"gatehouse-empty-{Guid.NewGuid():N}.env");
        await File.WriteAllTextAsync(emptyEnv, "", CancellationToken.None);   // shared by every test that renders
        try
        {
            return await ChildProcess.RunAsync(
                new ChildCommand(compose), Repository.Compose,
                ["--env-file", emptyEnv, "--file", "docker-compose.yaml", "config"],
                new Dictionary<string, string>(environment) { ["GATEHOUSE_UID"] = "", ["GATEHOUSE_GID"] = "" });
        }
        finally
        {
            File.Delete(emptyEnv);
        }
    }

    /// <summary>
    /// The rendered Compose model, with Keycloak's password given as <see cref="AdminPasswordMarker"/>; rendered once
    /// per run (the tool takes seconds to start), each caller gets its own copy.
    /// </summary>
    public static async Task<JsonNode> ComposeModelAsync()
    {
        DeployTool.Require("docker-compose", "docker-compose");
        var (exitCode, output, error) = await ComposeModel.Value;
        Assert.True(exitCode == 0, $"docker-compose config failed ({exitCode}):\n{error}");
        return Yaml.Document(output);
    }

    /// <summary>
    /// Runs <c>kubectl kustomize</c> on a folder under deploy/kubernetes and returns every object; each folder is
    /// rendered once per run, each caller gets its own copy.
    /// </summary>
    public static async Task<IReadOnlyList<JsonNode>> KustomizeAsync(string folder)
    {
        var kubectl = DeployTool.Require("kubectl", "kubernetes-client");
        var rendered = Kustomized.GetOrAdd(folder, f => new Lazy<Task<(int, string, string)>>(
            () => ChildProcess.RunAsync(new ChildCommand(kubectl), Repository.Kubernetes, ["kustomize", f])));
        var (exitCode, output, error) = await rendered.Value;
        Assert.True(exitCode == 0, $"kubectl kustomize {folder} failed ({exitCode}):\n{error}");
        return Yaml.Documents(output);
    }

    /// <summary>The one object of <paramref name="kind"/> among <paramref name="objects"/>.</summary>
    public static JsonNode Single(this IReadOnlyList<JsonNode> objects, string kind) =>
        Assert.Single(objects, o => (string?)o["kind"] == kind);
}
