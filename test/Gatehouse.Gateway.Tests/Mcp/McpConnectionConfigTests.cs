using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Mcp;

public sealed class McpConnectionConfigTests : IDisposable
{
    private readonly McpConnectionYaml _yaml = new();

    public void Dispose() => _yaml.Dispose();

    [Fact]
    public void Load_McpConnection_BindsKindAndDefaults()
    {
        var result = Load("mcp", "");

        Assert.True(result.Success, result.FormatErrors());
        var connection = Assert.Single(result.Config!.Connections);
        Assert.Equal(("mcp", null, false), (connection.Kind, connection.Mcp.Resource, connection.Mcp.RequireAudience));
    }

    [Fact]
    public void Load_McpSection_BindsItsKeys()
    {
        var result = Load("mcp", "    mcp: { resource: 'https://gw.example.com/github', requireAudience: true }\n");

        Assert.True(result.Success, result.FormatErrors());
        var mcp = Assert.Single(result.Config!.Connections).Mcp;
        Assert.Equal((new Uri("https://gw.example.com/github"), true), (mcp.Resource, mcp.RequireAudience));
    }

    [Theory]
    [InlineData("mcp", "    mcp: { resource: 'gw/github#x', requireAudience: maybe, pinTools: true }\n", "connections[0].mcp.resource", "connections[0].mcp.requireAudience", "connections[0].mcp.pinTools")]
    [InlineData("openai", "    mcp: { requireAudience: true }\n", "connections[0].mcp: only applies to connections of kind mcp", null, null)]
    [InlineData("mpc", "", "'mpc' is not one of openai, anthropic, mcp, http", null, null)]
    public void Load_BadMcpSettings_AreEachReportedWithTheirPath(string kind, string section, string first, string? second, string? third)
    {
        var result = Load(kind, section);

        var errors = result.FormatErrors();
        Assert.False(result.Success);
        foreach (var expected in new[] { first, second, third }.OfType<string>())
        {
            Assert.Contains(expected, errors, StringComparison.Ordinal);
        }
    }

    private ConfigLoadResult Load(string kind, string section) => _yaml.Load(section, kind);
}
