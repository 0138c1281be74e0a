using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Binds <c>server.tls</c>: the certificate and key must load together, and the key must be its owner's alone.</summary>
internal static class ServerTlsBinder
{
    public static ServerTlsConfig? Bind(SectionReader server, IReadOnlyList<string> urls)
    {
        var https = urls.Select((url, i) => (url, i)).Where(u => u.url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)).ToList();
        if (server.Child("tls") is null)
        {
            foreach (var (url, i) in https)
            {
                server.Errors.Add(ConfigNode.ItemPath(server.ChildPath("urls"), i), null,
                    $"'{url}' is https, so the gateway needs its certificate: set server.tls.certificateFile and server.tls.keyFile (or listen on http behind a proxy that ends TLS)");
            }

            return null;
        }

        var s = server.Section("tls");
        var certificate = s.RequiredString("certificateFile");
        var key = s.RequiredString("keyFile");
        s.ReportUnknownKeys();
        if (certificate is null || key is null)
        {
            return null;
        }

        if (!File.Exists(certificate))
        {
            s.Errors.Add(s.ChildPath("certificateFile"), null, $"file '{certificate}' does not exist");
            return null;
        }

        if (!File.Exists(key))
        {
            s.Errors.Add(s.ChildPath("keyFile"), null, $"file '{key}' does not exist");
            return null;
        }

        if (Secrets.OwnerOnly.Problem(key) is { } unsafeKey)
        {
            s.Errors.Add(s.ChildPath("keyFile"), null, unsafeKey);
            return null;
        }

        try
        {
            using var loaded = X509Certificate2.CreateFromPemFile(certificate, key);
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The message names what did not parse (no certificate, a key that does not match); never the key's content.
            s.Errors.Add(s.ChildPath("certificateFile"), null, $"'{certificate}' and '{key}' do not load as a PEM certificate and its private key: {error.Message}");
            return null;
        }

        return new ServerTlsConfig { CertificateFile = certificate, KeyFile = key };
    }
}
