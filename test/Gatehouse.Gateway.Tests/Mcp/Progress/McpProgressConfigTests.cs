using System.Collections;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Mcp.Progress;

/// <summary><c>mcp.progressEvery</c>: 10 s by default, a duration from 1s to 5m or <c>off</c>, anything else reported with its path.</summary>
public sealed class McpProgressConfigTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gatehouse-mcp-progress-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

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

    private ConfigLoadResult Load(string section)
    {
        File.WriteAllText(_path, $$"""
            connections:
              - name: github
                kind: mcp
                upstream: https://mcp.example.com
                credential: { header: Authorization, prefix: "Bearer ", env: TEST_MCP_KEY }
            {{section}}
            """);
        return GatehouseConfigLoader.Load(_path, new Hashtable { ["TEST_MCP_KEY"] = "test-value" });
    }
}
