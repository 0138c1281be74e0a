using System.Collections;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Mcp;

/// <summary>
/// A configuration file with one connection named <c>github</c> and its credential, loaded with a test's lines added
/// to that connection; the file is deleted on dispose.
/// </summary>
internal sealed class McpConnectionYaml : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gatehouse-mcp-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    /// <summary>
    /// Loads the connection of <paramref name="kind"/> with <paramref name="section"/> (lines indented four spaces);
    /// its <c>upstream</c> line is left out when <paramref name="upstream"/> is null, for a section that names its server.
    /// </summary>
    public ConfigLoadResult Load(string section, string kind = "mcp", string? upstream = "https://mcp.example.com")
    {
        var upstreamLine = upstream is null ? "" : $"    upstream: {upstream}\n";
        File.WriteAllText(_path, $$"""
            connections:
              - name: github
                kind: {{kind}}
            {{upstreamLine}}    credential: { header: Authorization, prefix: "Bearer ", env: TEST_MCP_KEY }
            {{section}}
            """);
        return GatehouseConfigLoader.Load(_path, new Hashtable { ["TEST_MCP_KEY"] = "test-value" });
    }
}
