using System.Net.Security;
using System.Security.Authentication;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.ForwardProxy.Certificates;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.Credentials;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>
/// Terminates TLS inside an accepted CONNECT with a leaf for the host, then hands the decrypted connection to Kestrel's
/// HTTP parser (HTTP/1.1, or HTTP/2 when ALPN agrees on h2), marked with the connection its requests run through.
/// </summary>
internal sealed class InterceptedTunnel(LeafCertificateCache leaves, GatehouseConfig config, ILogger<InterceptedTunnel> logger)
{
    private static readonly List<SslApplicationProtocol> Protocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11];

    public async Task RunAsync(
        ConnectionContext connection, ProxyTarget target, string connectionName, PresentedCredential credential, GatehouseIdentity caller, ConnectionDelegate next)
    {
        Log.Intercepting(logger, target.Host, connectionName, caller.Subject);
        var certificate = leaves.For(target.Host);
        await ProxyReplies.EstablishedAsync(connection.Transport.Output, connection.ConnectionClosed);

        var ssl = new SslStream(new DuplexPipeStream(connection.Transport), leaveInnerStreamOpen: false);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
            timeout.CancelAfter(config.Limits.RequestHeadersTimeout);
            await ssl.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = certificate,
                    ApplicationProtocols = Protocols,
                    ClientCertificateRequired = false,
                },
                timeout.Token);
        }
        catch (Exception error) when (error is AuthenticationException or IOException or OperationCanceledException)
        {
            // Typically a client that does not trust the organisation's CA: it says so on its side, and the handshake ends here.
            Log.HandshakeFailed(logger, target.Host, error.GetType().Name);
            await ssl.DisposeAsync();
            return;
        }

        var original = connection.Transport;
        var decrypted = new StreamDuplexPipe(ssl);
        var tls = new TunnelTlsFeature(ssl.NegotiatedApplicationProtocol.Protocol);
        connection.Features.Set<ITlsConnectionFeature>(tls);
        connection.Features.Set<ITlsApplicationProtocolFeature>(tls);
        connection.Features.Set(new ProxiedConnection(target.Host, connectionName, credential));
        connection.Transport = decrypted;
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = original;
            await decrypted.DisposeAsync();
        }
    }
}
