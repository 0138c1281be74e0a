using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Mcp.Pinning;

/// <summary><c>mcp.pinning</c>: strict by default, the three values bound, anything else reported with its path.</summary>
public sealed class McpPinningConfigTests : IDisposable
{
    private readonly McpConnectionYaml _yaml = new();

    public void Dispose() => _yaml.Dispose();

    [Theory]
    [InlineData("", McpToolPinning.Strict)]
    [InlineData("    mcp: { pinning: strict }\n", McpToolPinning.Strict)]
    [InlineData("    mcp: { pinning: trust-new }\n", McpToolPinning.TrustNew)]
    [InlineData("    mcp: { pinning: 'off' }\n", McpToolPinning.Off)]
    public void Load_Pinning_BindsItsValue_StrictByDefault(string section, McpToolPinning expected)
    {
        var result = Load(section);

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(expected, Assert.Single(result.Config!.Connections).Mcp.Pinning);
    }

    [Fact]
    public void Load_UnknownPinning_IsReportedWithItsPathAndTheValues()
    {
        var result = Load("    mcp: { pinning: trust-all }\n");

        Assert.False(result.Success);
        Assert.Contains("connections[0].mcp.pinning: 'trust-all' is not one of strict, trust-new, off", result.FormatErrors(), StringComparison.Ordinal);
    }

    private ConfigLoadResult Load(string section) => _yaml.Load(section);
}
