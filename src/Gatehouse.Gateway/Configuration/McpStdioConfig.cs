namespace Gatehouse.Gateway.Configuration;

/// <summary>An MCP server the gateway runs as a child process and speaks to over stdio (a connection's <c>stdio</c>).</summary>
/// <remarks>
/// The child inherits nothing of the gateway's environment but a minimal PATH, HOME and LANG,
/// and everything else it needs is in <see cref="Env"/>, where secrets come from an environment variable or a file
/// as connection credentials do.
/// </remarks>
public sealed record McpStdioConfig
{
    /// <summary>Gets the program to run (a path, or a name looked up in PATH).</summary>
    public required string Command { get; init; }

    /// <summary>Gets the arguments, passed as they are (no shell); the default is none.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Gets the child's environment variables besides the inherited minimum, with their resolved values.</summary>
    public IReadOnlyList<McpStdioVariable> Env { get; init; } = [];

    /// <summary>Gets the child's working directory, or null (the default) for the gateway's.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Gets whether one process serves the connection or one each caller; the default is <see cref="McpStdioScope.Connection"/>.</summary>
    public McpStdioScope Scope { get; init; } = McpStdioScope.Connection;

    /// <summary>Gets how many processes <see cref="McpStdioScope.Caller"/> runs at most; the default is 16.</summary>
    public int MaxProcesses { get; init; } = 16;

    /// <summary>Gets how long a caller's process may stay idle before it is stopped; the default is 10 minutes.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public override string ToString() => $"stdio: {Command} ({Args.Count} args, env {string.Join(", ", Env.Select(v => v.ToString()))})";
}
