using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Export.Transports.Syslog;

/// <summary>Builds the client side of an RFC 5425 handshake from <see cref="SyslogTlsOptions"/>.</summary>
/// <remarks>Files are read on every connection, so a renewed CA or client certificate is picked up on reconnect.</remarks>
internal static class SyslogTlsAuthentication
{
    public static SslClientAuthenticationOptions Create(SyslogTlsOptions tls, string host)
    {
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = tls.ServerName ?? host,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };

        if (!tls.ValidateServerCertificate)
        {
            options.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (tls.CaFile is not null)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.ImportFromPemFile(tls.CaFile);
            options.CertificateChainPolicy = policy;
        }

        if (tls.ClientCertificateFile is not null)
        {
            options.ClientCertificates = [X509Certificate2.CreateFromPemFile(tls.ClientCertificateFile, tls.ClientKeyFile)];
        }

        return options;
    }
}
