using Gatehouse.DeployTests.Infrastructure;
using Gatehouse.Testing;

namespace Gatehouse.DeployTests;

/// <summary>
/// deploy/agent as the tools read it: the systemd unit passes <c>systemd-analyze verify</c> and keeps its hardening and
/// its credential handling; the Compose service renders with the token as a secret file, no port and no health check.
/// </summary>
public sealed class AgentDeploymentTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-agent-unit-").FullName;

    private static string UnitPath => Path.Combine(Repository.Agent, "gatehouse-agent.service");

    [Fact]
    public async Task SystemdUnit_PassesSystemdAnalyzeVerify()
    {
        var analyze = DeployTool.Require("systemd-analyze", "systemd");

        // verify also checks that ExecStart's program exists: the unit's path is where an operator installs the
        // executable, so the copy checked here points at a stand-in (/bin/true); nothing else of the unit is changed.
        const string standIn = "/bin/true";
        var unit = Path.Combine(_directory, "gatehouse-agent.service");
        var text = await File.ReadAllTextAsync(UnitPath, TestContext.Current.CancellationToken);
        Assert.Contains("ExecStart=/usr/local/bin/gatehouse agent", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(unit, text.Replace("/usr/local/bin/gatehouse", standIn, StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await ChildProcess.RunAsync(new ChildCommand(analyze), _directory, ["verify", unit]);

        Assert.True(exitCode == 0 && error.Trim().Length == 0, $"systemd-analyze verify exited {exitCode}:\n{output}\n{error}");
    }

    [Fact]
    public void SystemdUnit_Hardened_TokenThroughLoadCredential_RefusalNotRestarted()
    {
        var service = Section(File.ReadAllLines(UnitPath), "Service");

        Assert.Equal("yes", service["DynamicUser"].Single());
        Assert.Equal("yes", service["NoNewPrivileges"].Single());
        Assert.Equal("strict", service["ProtectSystem"].Single());
        Assert.Equal("yes", service["ProtectHome"].Single());
        Assert.Equal("", service["CapabilityBoundingSet"].Single());
        Assert.Contains("1", service["RestartPreventExitStatus"].Single().Split(' '));
        Assert.False(service.ContainsKey("User"), "a fixed User= beside DynamicUser=");

        var credential = service["LoadCredential"].Single().Split(':', 2);
        var args = service["ExecStart"].Single().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("agent", args[1]);
        Assert.Equal($"%d/{credential[0]}", args[Array.IndexOf(args, "--token-file") + 1]);
        Assert.True(args.Count(a => a == "--gateway") >= 2, "one --gateway per replica");
        Assert.DoesNotContain(args, a => a.StartsWith("gat_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AgentCompose_TokenAsSecretFile_NoPortNoHealthCheck_Hardened()
    {
        var compose = DeployTool.Require("docker-compose", "docker-compose");
        var (exitCode, output, error) = await ChildProcess.RunAsync(new ChildCommand(compose), Repository.Agent, ["--file", "docker-compose.yaml", "config"]);
        Assert.True(exitCode == 0, $"docker-compose config failed ({exitCode}):\n{error}");
        var model = Yaml.Document(output);
        var agent = model["services"]!["agent"]!;

        var command = agent["command"]!.AsArray().Select(a => (string?)a).ToList();
        Assert.Equal("agent", command[0]);
        Assert.Equal(2, command.Count(a => a == "--gateway"));
        Assert.Equal("/run/secrets/agent_token", command[command.IndexOf("--token-file") + 1]);
        Assert.Equal("agent_token", (string?)Assert.Single(agent["secrets"]!.AsArray())!["source"]);
        Assert.NotNull(model["secrets"]!["agent_token"]!["file"]);
        Assert.Equal("gatehouse:local", (string?)agent["image"]);
        Assert.Equal("deploy/container/Dockerfile", (string?)agent["build"]!["dockerfile"]);
        Assert.Null(agent["ports"]);
        Assert.Equal("NONE", (string?)agent["healthcheck"]!["test"]![0]);
        Assert.Equal("true", (string?)agent["read_only"]);
        Assert.Equal("ALL", (string?)agent["cap_drop"]![0]);
        Assert.Contains("no-new-privileges:true", agent["security_opt"]!.AsArray().Select(o => (string?)o));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // The keys of one [section] of a unit file, backslash-continued lines joined, values in order.
    private static Dictionary<string, List<string>> Section(string[] lines, string name)
    {
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var inSection = false;
        var logical = new List<string>();
        var pending = "";
        foreach (var line in lines)
        {
            var joined = pending + line.Trim();
            if (joined.EndsWith('\\'))
            {
                pending = joined[..^1] + " ";
                continue;
            }

            pending = "";
            logical.Add(joined);
        }

        foreach (var line in logical)
        {
            if (line.StartsWith('['))
            {
                inSection = line == $"[{name}]";
            }
            else if (inSection && line.Length > 0 && !line.StartsWith('#') && line.IndexOf('=', StringComparison.Ordinal) is var at and > 0)
            {
                var key = line[..at];
                if (!keys.TryGetValue(key, out var values))
                {
                    keys[key] = values = [];
                }

                values.Add(line[(at + 1)..].Trim());
            }
        }

        return keys;
    }
}
