using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Gateway.ForwardProxy.Certificates;

/// <summary>Issues a server certificate for one host, signed by the organisation's CA: ECDSA P-256, short-lived.</summary>
internal static class LeafIssuer
{
    private static readonly TimeSpan Backdate = TimeSpan.FromMinutes(5);

    /// <summary>Issues a leaf naming <paramref name="host"/>, valid from a few minutes ago for <paramref name="lifetime"/> (never past the CA's end).</summary>
    /// <remarks>The backdating absorbs clients whose clocks run a little behind the gateway's.</remarks>
    public static X509Certificate2 Issue(OrganisationCa ca, string host, DateTimeOffset now, TimeSpan lifetime)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + host), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build(critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca.Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        var notAfter = now + lifetime;
        var caEnd = new DateTimeOffset(ca.Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (notAfter > caEnd)
        {
            notAfter = caEnd;
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // RFC 5280 §4.1.2.2: a positive serial number.
        using var issued = request.Create(ca.Certificate, now - Backdate, notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }
}
