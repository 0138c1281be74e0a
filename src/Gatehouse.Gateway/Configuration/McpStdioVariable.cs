namespace Gatehouse.Gateway.Configuration;

/// <summary>One environment variable of a stdio MCP server.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Value">The resolved value; a secret when <paramref name="Source"/> names env or file.</param>
/// <param name="Source">Where the value came from: <c>env:NAME</c>, <c>file:PATH</c>, or <c>literal</c>; safe to show.</param>
public sealed record McpStdioVariable(string Name, string Value, string Source)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}=<{Source}>";
}
