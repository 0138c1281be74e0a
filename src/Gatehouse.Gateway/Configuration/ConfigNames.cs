using Gatehouse.Storage;

namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// The one table of names each configuration enum of this folder has in the file: <c>audit.failureMode</c>, an MCP
/// connection's <c>transport</c> and <c>stdio.scope</c>, a webhook's <c>format</c>. Lower-case, matched exactly, as
/// every documented configuration and shipped example writes them (the policy's enums are in <c>PolicyNames</c>).
/// </summary>
internal static class ConfigNames
{
    /// <summary>Gets the names of <see cref="AuditFailureMode"/>: <c>closed</c>, <c>open</c>.</summary>
    public static NameTable<AuditFailureMode> FailureModes { get; } = new((AuditFailureMode.Closed, "closed"), (AuditFailureMode.Open, "open"));

    /// <summary>Gets the names of <see cref="McpUpstreamTransport"/>: <c>streamable</c>, <c>sse</c>.</summary>
    public static NameTable<McpUpstreamTransport> Transports { get; } =
        new((McpUpstreamTransport.Streamable, "streamable"), (McpUpstreamTransport.Sse, "sse"));

    /// <summary>Gets the names of <see cref="McpStdioScope"/>: <c>connection</c>, <c>caller</c>.</summary>
    public static NameTable<McpStdioScope> StdioScopes { get; } = new((McpStdioScope.Connection, "connection"), (McpStdioScope.Caller, "caller"));

    /// <summary>Gets the names of <see cref="WebhookFormat"/>: <c>json</c>, <c>slack</c>.</summary>
    public static NameTable<WebhookFormat> WebhookFormats { get; } = new((WebhookFormat.Json, "json"), (WebhookFormat.Slack, "slack"));
}
