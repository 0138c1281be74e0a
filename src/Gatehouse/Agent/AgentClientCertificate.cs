using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gatehouse.Gateway.Secrets;

namespace Gatehouse.Agent;

/// <summary>Loads the agent's client certificate for mutual TLS (<c>--client-certificate</c>, <c>--client-key</c>).</summary>
internal static class AgentClientCertificate
{
    /// <summary>Returns the certificate with its key, or null when none is given; adds every problem found (never the key).</summary>
    public static X509Certificate2? Load(FileInfo? certificate, FileInfo? key, IReadOnlyList<Uri>? connects, List<string> problems)
    {
        if (certificate is null && key is null)
        {
            return null;
        }

        if (certificate is null || key is null)
        {
            problems.Add(certificate is null ? "--client-key: needs --client-certificate" : "--client-certificate: needs --client-key");
            return null;
        }

        if (connects is not null && connects.Any(c => c.Scheme != "wss"))
        {
            problems.Add("--client-certificate: a gateway URL is plain http, where no certificate can be presented; use https");
            return null;
        }

        if (OwnerOnly.Problem(key.FullName) is { } unsafeKey)
        {
            problems.Add($"--client-key: {unsafeKey}");
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPemFile(certificate.FullName, key.FullName);
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            problems.Add($"--client-certificate: '{certificate.FullName}' and '{key.FullName}' do not load as a PEM certificate and its private key: {error.Message}");
            return null;
        }
    }
}
