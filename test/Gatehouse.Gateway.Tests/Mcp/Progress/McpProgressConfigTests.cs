using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Mcp.Progress;

/// <summary><c>mcp.progressEvery</c>: 10 s by default, a duration from 1s to 5m or <c>off</c>, anything else reported with its path.</summary>
public sealed class McpProgressConfigTests : IDisposable
{
    private readonly McpConnectionYaml _yaml = new();

    public void Dispose() => _yaml.Dispose();

    [Theory]
    [InlineData("", 10.0)]
    [InlineData("    mcp: { progressEvery: 3s }\n", 3.0)]
    [InlineData("    mcp: { progressEvery: 5m }\n", 300.0)]
    [InlineData("    mcp: { progressEvery: 'off' }\n", null)]
    public void Load_ProgressEvery_BindsItsValue_TenSecondsByDefault(string section, double? seconds)
    {
        var result = Load(section);

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, Assert.Single(result.Config!.Connections).Mcp.ProgressEvery);
    }

    [Theory]
    [InlineData("100ms")]
    [InlineData("10m")]
    [InlineData("often")]
    public void Load_ProgressEveryOutOfRange_IsReportedWithItsPath(string value)
    {
        var result = Load($"    mcp: {{ progressEvery: {value} }}\n");

        Assert.False(result.Success);
        Assert.Contains("connections[0].mcp.progressEvery:", result.FormatErrors(), StringComparison.Ordinal);
    }

    private ConfigLoadResult Load(string section) => _yaml.Load(section);
}
