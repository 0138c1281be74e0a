using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Export.Tests.Transports.Syslog;

/// <summary>Self-signed certificates for loopback TLS, made in the test.</summary>
internal static class TestCertificates
{
    /// <summary>Creates a self-signed certificate for localhost and 127.0.0.1 with its private key, for a server or a client.</summary>
    public static X509Certificate2 SelfSignedServer(string subject = "CN=localhost", bool client = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(client ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddHours(1));

        // Round-trip through PKCS#12 so the key is usable by the platform's TLS stack.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Writes a certificate and its private key as two PEM files and returns their paths.</summary>
    public static (string Certificate, string Key) WritePemWithKey(X509Certificate2 certificate, string directory)
    {
        var certificatePath = WritePem(certificate, directory);
        var keyPath = certificatePath + ".key";
        using var ecdsa = certificate.GetECDsaPrivateKey()!;
        File.WriteAllText(keyPath, ecdsa.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    /// <summary>Writes the certificate (no key) as PEM to a new file in <paramref name="directory"/> and returns its path.</summary>
    public static string WritePem(X509Certificate2 certificate, string directory)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }
}
