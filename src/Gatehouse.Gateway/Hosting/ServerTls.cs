using System.Security.Cryptography.X509Certificates;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Gatehouse.Gateway.Hosting;

/// <summary>Serves the <c>https://</c> listen URLs with <c>server.tls</c>, and asks for agents' client certificates when they are required.</summary>
public static class ServerTls
{
    /// <summary>Turns HTTPS on for the host when <c>server.tls</c> is set; without it, <c>https://</c> URLs are refused at start-up.</summary>
    public static void UseServerTls(this IWebHostBuilder webHost, GatehouseConfig config)
    {
        ArgumentNullException.ThrowIfNull(webHost);
        ArgumentNullException.ThrowIfNull(config);
        if (config.Server.Tls is not null)
        {
            webHost.UseKestrelHttpsConfiguration();
        }
    }

    /// <summary>Gives every HTTPS endpoint the configured certificate.</summary>
    /// <remarks>
    /// With <c>agents.requireClientCertificate</c> the handshake asks for a client certificate but accepts any, or none:
    /// SDK clients on the same listener have none, and the connect endpoint judges an agent's certificate against the
    /// agents' CA itself, so that a refusal is a problem+json answer and an audit entry rather than a failed handshake.
    /// </remarks>
    public static void UseServerTls(this KestrelServerOptions kestrel, GatehouseConfig config)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(config);
        if (config.Server.Tls is not { } tls)
        {
            return;
        }

        var certificate = X509Certificate2.CreateFromPemFile(tls.CertificateFile, tls.KeyFile);
        kestrel.ConfigureHttpsDefaults(https =>
        {
            https.ServerCertificate = certificate;
            if (config.Agents.RequireClientCertificate)
            {
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.AllowAnyClientCertificate();
            }
        });
    }
}
