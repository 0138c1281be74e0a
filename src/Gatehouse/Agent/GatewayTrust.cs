using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Agent;

/// <summary>Verifies the gateway's TLS certificate: the system's trust, or the CA bundle of <c>--ca-file</c>; never nothing.</summary>
/// <remarks>
/// A CA file adds roots for the chain only: the certificate must still be valid and name the gateway's host. There is
/// deliberately no option to skip verification: an agent that trusts any certificate hands its token, and the
/// internal network behind it, to whoever sits in the middle.
/// </remarks>
internal static class GatewayTrust
{
    public static RemoteCertificateValidationCallback? Callback(X509Certificate2Collection trusted)
    {
        if (trusted.Count == 0)
        {
            return null;
        }

        return (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (certificate is X509Certificate2 presented)
            {
                return chain.Build(presented);
            }

            using var loaded = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return chain.Build(loaded);
        };
    }
}
