using System.Collections;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Mcp;

public sealed class McpTransportConfigTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gatehouse-mcp-transport-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Load_StdioConnection_BindsCommandArgsEnvAndDefaults()
    {
        var result = Load("""
              - name: local
                kind: mcp
                stdio:
                  command: /bin/sh
                  args: [-c, 'exec my-server']
                  env:
                    LOG_LEVEL: debug
                    API_TOKEN: {env: TEST_STDIO_TOKEN}
            """, ("TEST_STDIO_TOKEN", "tok-123"));

        Assert.True(result.Success, result.FormatErrors());
        var connection = Assert.Single(result.Config!.Connections);
        var stdio = connection.Stdio!;
        Assert.Equal("/bin/sh", stdio.Command);
        Assert.Equal(["-c", "exec my-server"], stdio.Args);
        Assert.Equal([new McpStdioVariable("LOG_LEVEL", "debug", "literal"), new McpStdioVariable("API_TOKEN", "tok-123", "env:TEST_STDIO_TOKEN")], stdio.Env);
        Assert.Equal((McpStdioScope.Connection, 16, TimeSpan.FromMinutes(10), null), (stdio.Scope, stdio.MaxProcesses, stdio.IdleTimeout, stdio.WorkingDirectory));
        Assert.Equal("stdio.gatehouse.invalid", connection.Upstream.Host);
        Assert.DoesNotContain("tok-123", stdio.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SseTransport_IsBound()
    {
        var result = Load("""
              - name: old
                kind: mcp
                upstream: https://old.example.com/sse
                transport: sse
            """);

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(McpUpstreamTransport.Sse, Assert.Single(result.Config!.Connections).Transport);
    }

    [Theory]
    [InlineData("    upstream: https://x.example.com\n    stdio: {command: /bin/sh}\n", "connections[0].stdio: give exactly one of upstream")]
    [InlineData("    stdio: {args: [a]}\n", "connections[0].stdio.command: required")]
    [InlineData("    stdio: {command: no-such-command-gatehouse}\n", "connections[0].stdio.command: 'no-such-command-gatehouse' is not found in the gateway's PATH")]
    [InlineData("    stdio: {command: /nope/server}\n", "connections[0].stdio.command: '/nope/server' does not exist")]
    [InlineData("    stdio: {command: /bin/sh, scope: team}\n", "connections[0].stdio.scope: 'team' is not connection or caller")]
    [InlineData("    stdio: {command: /bin/sh, maxProcesses: 0}\n", "connections[0].stdio.maxProcesses: '0' is not a whole number from 1 to 1024")]
    [InlineData("    stdio: {command: /bin/sh, workingDirectory: /nope/dir}\n", "connections[0].stdio.workingDirectory: there is no directory '/nope/dir'")]
    [InlineData("    stdio: {command: /bin/sh, shell: true}\n", "connections[0].stdio.shell: unknown key")]
    [InlineData("    stdio: {command: /bin/sh, env: {1BAD: x}}\n", "connections[0].stdio.env.1BAD: '1BAD' is not an environment variable name")]
    [InlineData("    stdio: {command: /bin/sh, env: {TOKEN: {value: abc}}}\n", "connections[0].stdio.env.TOKEN.value: secrets are never written in the configuration file")]
    [InlineData("    stdio: {command: /bin/sh, env: {TOKEN: {env: UNSET_GATEHOUSE_VAR}}}\n", "connections[0].stdio.env.TOKEN.env: environment variable UNSET_GATEHOUSE_VAR is not set")]
    [InlineData("    upstream: https://x.example.com\n    transport: websocket\n", "connections[0].transport: 'websocket' is not streamable or sse")]
    [InlineData("    stdio: {command: /bin/sh}\n    transport: sse\n", "connections[0].transport: only applies to an upstream URL")]
    [InlineData("", "connections[0].upstream: required")]
    public void Load_BadStdioOrTransport_IsReportedWithItsPath(string keys, string expected)
    {
        var result = Load("  - name: local\n    kind: mcp\n" + keys);

        Assert.False(result.Success);
        Assert.Contains(expected, result.FormatErrors(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    kind: http\n    stdio: {command: /bin/sh}\n", "connections[0].stdio: only applies to connections of kind mcp, not http")]
    [InlineData("    kind: http\n    upstream: https://x.example.com\n    transport: sse\n", "connections[0].transport: only applies to connections of kind mcp, not http")]
    [InlineData("    kind: mcp\n    via: edge\n    upstream: github\n    transport: sse\n", "connections[0].transport: sse is not available through an agent")]
    public void Load_StdioOrSseWhereTheyCannotApply_IsRefused(string keys, string expected)
    {
        var result = Load("  - name: local\n" + keys);

        Assert.False(result.Success);
        Assert.Contains(expected, result.FormatErrors(), StringComparison.Ordinal);
    }

    private ConfigLoadResult Load(string connections, params (string Key, string Value)[] environment)
    {
        File.WriteAllText(_path, "connections:\n" + connections);
        var env = new Hashtable();
        foreach (var (key, value) in environment)
        {
            env[key] = value;
        }

        return GatehouseConfigLoader.Load(_path, env);
    }
}
