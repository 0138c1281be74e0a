using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Mcp.Sampling;

/// <summary><c>mcp.sampling</c>: deny by default, both values bound, anything else (or allow on a bridged server) reported with its path.</summary>
public sealed class McpSamplingConfigTests : IDisposable
{
    private readonly McpConnectionYaml _yaml = new();

    public void Dispose() => _yaml.Dispose();

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

    private ConfigLoadResult Load(string section) => _yaml.Load(section, upstream: null);
}
