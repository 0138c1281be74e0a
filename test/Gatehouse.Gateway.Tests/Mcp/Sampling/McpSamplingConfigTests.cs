using System.Collections;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Mcp.Sampling;

/// <summary><c>mcp.sampling</c>: deny by default, both values bound, anything else (or allow on a bridged server) reported with its path.</summary>
public sealed class McpSamplingConfigTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gatehouse-mcp-sampling-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData("", McpSampling.Deny)]
    [InlineData("    mcp: { sampling: deny }\n", McpSampling.Deny)]
    [InlineData("    mcp: { sampling: allow }\n", McpSampling.Allow)]
    public void Load_Sampling_BindsItsValue_DenyByDefault(string section, McpSampling expected)
    {
        var result = Load("    upstream: https://mcp.example.com\n" + section);

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(expected, Assert.Single(result.Config!.Connections).Mcp.Sampling);
    }

    [Fact]
    public void Load_UnknownSampling_IsReportedWithItsPathAndTheValues()
    {
        var result = Load("    upstream: https://mcp.example.com\n    mcp: { sampling: 'yes' }\n");

        Assert.False(result.Success);
        Assert.Contains("connections[0].mcp.sampling: 'yes' is not one of allow, deny", result.FormatErrors(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    upstream: https://old-mcp.example.com/sse\n    transport: sse\n")]
    [InlineData("    stdio: { command: /bin/cat }\n")]
    public void Load_AllowOnABridgedServer_IsReportedWithItsPath(string server)
    {
        var result = Load(server + "    mcp: { sampling: allow }\n");

        Assert.False(result.Success);
        Assert.Contains("connections[0].mcp.sampling: allow needs a server reached over Streamable HTTP", result.FormatErrors(), StringComparison.Ordinal);
    }

    private ConfigLoadResult Load(string section)
    {
        File.WriteAllText(_path, $$"""
            connections:
              - name: github
                kind: mcp
                credential: { header: Authorization, prefix: "Bearer ", env: TEST_MCP_KEY }
            {{section}}
            """);
        return GatehouseConfigLoader.Load(_path, new Hashtable { ["TEST_MCP_KEY"] = "test-value" });
    }
}
