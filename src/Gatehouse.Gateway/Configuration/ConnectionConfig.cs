namespace Gatehouse.Gateway.Configuration;

/// <summary>One upstream connection, reached at <c>/{name}/{**path}</c>.</summary>
public sealed record ConnectionConfig
{
    /// <summary>Gets the unique name, the first path segment of the route.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the kind: <c>openai</c>, <c>anthropic</c>, <c>mcp</c> or <c>http</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>
    /// Gets the upstream base URL; <c>{path}</c> is appended to it. Through an agent (<see cref="Via"/>) it is
    /// <c>http://agent/{key}</c>, the agent's upstream key as the first path segment the agent reads.
    /// </summary>
    public required Uri Upstream { get; init; }

    /// <summary>
    /// Gets the name of the agent whose tunnels reach the upstream, or null for a direct connection (the default).
    /// </summary>
    /// <remarks>The upstream is then a key of the agent's own <c>upstreams</c>, never a URL: the agent reaches nothing else.</remarks>
    public string? Via { get; init; }

    /// <summary>Gets the key of the agent's upstream when <see cref="Via"/> is set, else null.</summary>
    public string? AgentUpstream { get; init; }

    /// <summary>Gets the credential injected upstream, or null when the upstream needs none.</summary>
    public CredentialConfig? Credential { get; init; }

    /// <summary>
    /// Gets a value indicating whether the client's own upstream credential (<c>Authorization</c>, <c>x-api-key</c>,
    /// <c>api-key</c>) is forwarded on requests that arrive through the forward proxy (<c>credential: passthrough</c>);
    /// the default is false. Requests by base URL never pass theirs on: there those headers carry the Gatehouse credential.
    /// </summary>
    /// <remarks>Copilot's upstream tokens are per user and short-lived; the organisation has no single one to inject.</remarks>
    public bool CredentialPassthrough { get; init; }

    /// <summary>
    /// Gets a value indicating whether the built-in demo upstream answers in-process instead of <see cref="Upstream"/>
    /// (the <c>demo</c> connection of <c>serve --dev</c>); the default is false.
    /// </summary>
    public bool Demo { get; init; }

    /// <summary>Gets the connection's masking of prompts and responses; the default masks both ways.</summary>
    public ConnectionMaskingConfig Masking { get; init; } = new();

    /// <summary>Gets the groups allowed to use the connection; empty means any authenticated caller.</summary>
    public IReadOnlyList<string> AllowGroups { get; init; } = [];

    /// <summary>Gets how long the connection's bodies and records are kept; the default takes <c>audit.retention</c>'s.</summary>
    public ConnectionRetentionConfig Retention { get; init; } = new();

    /// <summary>
    /// Gets the MCP server the gateway runs and speaks to over stdio instead of an upstream URL, or null (the default).
    /// <see cref="Upstream"/> is then <c>http://stdio.gatehouse.invalid/</c>, a name nothing resolves.
    /// </summary>
    public McpStdioConfig? Stdio { get; init; }

    /// <summary>Gets how an <c>mcp</c> connection speaks to its upstream URL; the default is Streamable HTTP.</summary>
    public McpUpstreamTransport Transport { get; init; } = McpUpstreamTransport.Streamable;

    /// <summary>Gets what a connection of kind <c>mcp</c> adds (its resource identifier, the audience check); defaults otherwise.</summary>
    public McpConnectionConfig Mcp { get; init; } = new();
}
