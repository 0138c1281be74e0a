namespace Gatehouse.Gateway.Configuration;

/// <summary>How agents that dial <c>/api/agents/connect</c> must identify themselves besides their enrollment token (<c>agents</c>).</summary>
public sealed record AgentsConfig
{
    /// <summary>
    /// Gets a value indicating whether an agent must present a TLS client certificate issued by
    /// <see cref="ClientCaFile"/> (mutual TLS) as well as its enrollment token. The default is false.
    /// </summary>
    /// <remarks>
    /// The gateway must terminate TLS itself to see the certificate: at least one <c>https://</c> URL in
    /// <c>server.urls</c>, with <c>server.tls</c>. A stolen token alone then opens no tunnel.
    /// </remarks>
    public bool RequireClientCertificate { get; init; }

    /// <summary>Gets the PEM CA certificates that alone are trusted to issue agents' client certificates; null when none.</summary>
    public string? ClientCaFile { get; init; }
}
