using System.Security.Cryptography.X509Certificates;
using Gatehouse.Gateway.Agents.Config;

namespace Gatehouse.Agent;

/// <summary>What <c>gatehouse agent</c> runs with, validated from its command line and its file.</summary>
internal sealed record AgentOptions
{
    /// <summary>
    /// Gets the WebSocket URLs the agent dials, one per gateway replica (each <c>--gateway</c> base URL with
    /// <c>/api/agents/connect</c>); the agent keeps one tunnel open to each.
    /// </summary>
    public required IReadOnlyList<Uri> ConnectUris { get; init; }

    /// <summary>Gets the enrollment token; it goes only into the connect request's Authorization header.</summary>
    public required string Token { get; init; }

    /// <summary>Gets the certificates trusted for the gateway besides the system's, from <c>--ca-file</c>; empty when none.</summary>
    public X509Certificate2Collection TrustedCertificates { get; init; } = [];

    /// <summary>Gets the client certificate presented to the gateway (mutual TLS), from <c>--client-certificate</c>; null when none.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Gets the upstreams the agent may reach.</summary>
    public required AgentConfig Config { get; init; }

    /// <summary>Gets the first reconnect delay; it doubles after each failure up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the longest reconnect delay.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);
}
