using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>Tells Kestrel an intercepted tunnel is TLS, and which protocol ALPN chose, so it speaks HTTP/2 when h2 was agreed.</summary>
internal sealed class TunnelTlsFeature(ReadOnlyMemory<byte> applicationProtocol) : ITlsConnectionFeature, ITlsApplicationProtocolFeature
{
    public X509Certificate2? ClientCertificate { get; set; }

    public ReadOnlyMemory<byte> ApplicationProtocol { get; } = applicationProtocol;

    public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult<X509Certificate2?>(null);
}
