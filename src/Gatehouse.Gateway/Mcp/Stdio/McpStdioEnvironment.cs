using System.Collections;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Mcp.Stdio;

/// <summary>The environment a stdio MCP server starts with: a minimal inherited set plus the connection's <c>env</c>.</summary>
internal static class McpStdioEnvironment
{
    /// <summary>The only variables taken from the gateway's own environment (when set there).</summary>
    public static readonly IReadOnlyList<string> Inherited = ["PATH", "HOME", "LANG"];

    /// <summary>Replaces <paramref name="target"/> with the inherited variables of <paramref name="gateway"/> and then <paramref name="config"/>'s.</summary>
    public static void Apply(IDictionary<string, string?> target, IDictionary gateway, McpStdioConfig config)
    {
        target.Clear();
        foreach (var name in Inherited)
        {
            if (gateway[name]?.ToString() is { Length: > 0 } value)
            {
                target[name] = value;
            }
        }

        foreach (var variable in config.Env)
        {
            target[variable.Name] = variable.Value;
        }
    }
}
