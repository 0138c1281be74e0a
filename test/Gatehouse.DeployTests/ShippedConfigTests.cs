using Gatehouse.DeployTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Policy.Loading;

namespace Gatehouse.DeployTests;

/// <summary>
/// The configurations and policies shipped with the Compose quick start and the Kubernetes ConfigMap load with the
/// gateway's own loader and policy loader, with their secrets where the deployment puts them: a start-up that would
/// fail on a shipped file fails here first.
/// </summary>
public sealed class ShippedConfigTests
{
    [Fact]
    public void ComposeConfig_AsMountedInTheReplicas_Loads()
    {
        using var mounted = new MountedConfig();
        var secrets = mounted.Mount("/run/secrets");
        mounted.SecretFile(secrets, "postgres_connection", MountedConfig.ConnectionString("postgres"));
        mounted.SecretFile(secrets, "masking_key", MountedConfig.RandomText());
        mounted.SecretFile(secrets, "checkpoint_key", MountedConfig.CheckpointKey());
        mounted.SecretFile(secrets, "upstream_api_key", MountedConfig.RandomText());
        var etc = mounted.Mount("/etc/gatehouse");
        File.Copy(Path.Combine(Repository.Compose, "policy.yaml"), Path.Combine(etc, "policy.yaml"));

        var result = mounted.Load(File.ReadAllText(Path.Combine(Repository.Compose, "gatehouse.yaml")));

        AssertLoaded(result);
        Assert.Equal("demo", Assert.Single(result.Config!.Connections).Name);
    }

    [Fact]
    public async Task KubernetesConfigMap_AsMountedInThePods_Loads()
    {
        var objects = await Rendering.KustomizeAsync("base");
        var data = objects.Single("ConfigMap")["data"]!;
        using var mounted = new MountedConfig();
        var etc = mounted.Mount("/etc/gatehouse");
        await File.WriteAllTextAsync(Path.Combine(etc, "policy.yaml"), (string)data["policy.yaml"]!, TestContext.Current.CancellationToken);
        var keys = mounted.Mount("/run/gatehouse/keys");
        mounted.SecretFile(keys, "checkpoint-key", MountedConfig.CheckpointKey());
        mounted.SecretVariable("GATEHOUSE_POSTGRES_CONNECTION", MountedConfig.ConnectionString("postgres.example.internal"));
        mounted.SecretVariable("GATEHOUSE_MASKING_KEY", MountedConfig.RandomText());
        mounted.SecretVariable("OPENAI_API_KEY", MountedConfig.RandomText());

        var result = mounted.Load((string)data["gatehouse.yaml"]!);

        AssertLoaded(result);
    }

    [Fact]
    public void ComposeConfig_WithoutItsSecretFiles_NamesEachMissingOne_AndNoSecret()
    {
        using var mounted = new MountedConfig();
        var secrets = mounted.Mount("/run/secrets");
        mounted.SecretFile(secrets, "postgres_connection", MountedConfig.ConnectionString("postgres"));
        var etc = mounted.Mount("/etc/gatehouse");
        File.Copy(Path.Combine(Repository.Compose, "policy.yaml"), Path.Combine(etc, "policy.yaml"));

        var result = mounted.Load(File.ReadAllText(Path.Combine(Repository.Compose, "gatehouse.yaml")));

        Assert.False(result.Success);
        var errors = result.FormatErrors();
        Assert.Contains("masking.fingerprintKey.file", errors, StringComparison.Ordinal);
        Assert.Contains("audit.checkpoints.key", errors, StringComparison.Ordinal);
        Assert.Contains("connections[0].credential", errors, StringComparison.Ordinal);
        Assert.All(mounted.SecretValues, secret => Assert.DoesNotContain(secret, errors, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("deploy/compose/policy.yaml")]
    [InlineData("deploy/kubernetes/base/policy.yaml")]
    public void ShippedPolicy_Loads(string path)
    {
        var result = PolicyLoader.LoadFile(Path.Combine(Repository.Root, path));

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        Assert.Contains(result.Document!.Rules, rule => rule.Approval is { ReviewerGroups.Count: > 0 });
    }

    private static void AssertLoaded(ConfigLoadResult result)
    {
        Assert.True(result.Success, result.FormatErrors());
        var config = result.Config!;
        Assert.False(config.Dev);
        Assert.NotNull(config.Policy.File);
        Assert.NotNull(config.Audit.Checkpoints);
        Assert.NotEmpty(config.Roles.Auditor.Groups);
        Assert.All(config.Connections, connection => Assert.NotEmpty(connection.AllowGroups));
    }
}
