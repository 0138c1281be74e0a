using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Gateway.ForwardProxy.Certificates;

/// <summary>Creates an organisation CA for the forward proxy: ECDSA P-256, CA:TRUE with path length 0, certificate signing only.</summary>
/// <remarks>Path length 0: the CA signs leaves and nothing that could sign further, which limits what a stolen key can mint.</remarks>
internal static class CaFactory
{
    /// <summary>Returns the CA certificate and its PKCS#8 private key, both PEM.</summary>
    public static (string CertificatePem, string KeyPem) Create(string name, DateTimeOffset now, TimeSpan lifetime)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName("Gatehouse forward proxy");
        subject.AddCommonName(name);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var certificate = request.CreateSelfSigned(now - TimeSpan.FromMinutes(5), now + lifetime);
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
