using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Secrets;

namespace Gatehouse.Gateway.ForwardProxy.Certificates;

/// <summary>The organisation's CA, loaded from <c>proxy.ca</c>: the certificate clients trust and the key that signs leaves.</summary>
internal sealed class OrganisationCa : IDisposable
{
    private OrganisationCa(X509Certificate2 certificate)
    {
        Certificate = certificate;
    }

    /// <summary>Gets the CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Loads and checks the CA; returns why it cannot be used (never the key's content) when it cannot.</summary>
    public static OrganisationCa? TryLoad(ProxyCaConfig files, TimeProvider time, out string? problem)
    {
        if (!File.Exists(files.Cert))
        {
            problem = $"cert: the file '{files.Cert}' does not exist; create a CA with: gatehouse ca init --out DIR";
            return null;
        }

        if (!File.Exists(files.Key))
        {
            problem = $"key: the file '{files.Key}' does not exist; create a CA with: gatehouse ca init --out DIR";
            return null;
        }

        if (OwnerOnly.Problem(files.Key) is { } keyProblem)
        {
            problem = "key: " + keyProblem;
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(files.Cert, files.Key);
        }
        catch (Exception error) when (error is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            // The message names what was wrong with the files (no PEM block, a key that does not match), not their content.
            problem = $"cert: '{files.Cert}' and '{files.Key}' are not a PEM certificate and its matching PEM private key ({error.GetType().Name})";
            return null;
        }

        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
        {
            certificate.Dispose();
            problem = $"cert: '{files.Cert}' is not a CA certificate (basic constraints CA:TRUE); create one with: gatehouse ca init --out DIR";
            return null;
        }

        if (certificate.NotAfter.ToUniversalTime() <= time.GetUtcNow().UtcDateTime)
        {
            certificate.Dispose();
            problem = $"cert: the CA certificate '{files.Cert}' expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}";
            return null;
        }

        problem = null;
        return new OrganisationCa(certificate);
    }

    public void Dispose() => Certificate.Dispose();
}
