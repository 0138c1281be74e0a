using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>
/// A throwaway certificate authority made in the test, writing PEM files into a folder: its own certificate, server
/// certificates for IP addresses and client certificates for agents (keys 0600, as the gateway and the agent demand).
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly string _folder;
    private readonly X509Certificate2 _authority;

    public TestCertificates(string folder, string name)
    {
        _folder = folder;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _authority = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(30));
        AuthorityFile = Path.Combine(folder, $"{name}.pem");
        File.WriteAllText(AuthorityFile, _authority.ExportCertificatePem());
    }

    /// <summary>Gets the PEM file of the authority's certificate (what a trust bundle holds).</summary>
    public string AuthorityFile { get; }

    /// <summary>Issues a server certificate for <paramref name="addresses"/>; returns its certificate and key files.</summary>
    public (string Certificate, string Key) IssueServer(string name, params IPAddress[] addresses)
    {
        var names = new SubjectAlternativeNameBuilder();
        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        return Issue(name, names.Build(), "1.3.6.1.5.5.7.3.1");
    }

    /// <summary>Issues a client certificate (client authentication) named <paramref name="name"/>.</summary>
    public (string Certificate, string Key) IssueClient(string name) => Issue(name, null, "1.3.6.1.5.5.7.3.2");

    public void Dispose() => _authority.Dispose();

    private (string Certificate, string Key) Issue(string name, X509Extension? alternativeNames, string usage)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        using var issued = request.Create(_authority, TimeProvider.System.GetUtcNow().AddHours(-1), TimeProvider.System.GetUtcNow().AddDays(7), RandomNumberGenerator.GetBytes(12));
        var certificate = Path.Combine(_folder, $"{name}.crt");
        var keyFile = Path.Combine(_folder, $"{name}.key");
        File.WriteAllText(certificate, issued.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (certificate, keyFile);
    }
}
