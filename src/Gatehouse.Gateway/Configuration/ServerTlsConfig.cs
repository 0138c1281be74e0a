namespace Gatehouse.Gateway.Configuration;

/// <summary>The certificate the gateway serves its <c>https://</c> listen URLs with (<c>server.tls</c>).</summary>
/// <remarks>
/// Most deployments terminate TLS in front of the gateway (an ingress or a load balancer) and need none of this. The
/// gateway terminates TLS itself when it must see the client's certificate: agents that present one
/// (<see cref="AgentsConfig.RequireClientCertificate"/>).
/// </remarks>
public sealed record ServerTlsConfig
{
    /// <summary>Gets the PEM certificate (chain) file, leaf first.</summary>
    public required string CertificateFile { get; init; }

    /// <summary>Gets the PEM private key file; it must be readable by the gateway's user alone.</summary>
    public required string KeyFile { get; init; }
}
