using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Binds <c>agents</c>: a required client certificate needs a CA bundle and a TLS listener that can ask for it.</summary>
internal static class AgentsBinder
{
    public static AgentsConfig Bind(SectionReader s, ServerConfig server)
    {
        var require = s.Bool("requireClientCertificate", false);
        var caFile = s.String("clientCaFile");
        s.ReportUnknownKeys();
        if (caFile is not null)
        {
            var problem = CaProblem(caFile);
            if (problem is not null)
            {
                s.Errors.Add(s.ChildPath("clientCaFile"), null, problem);
            }
        }

        if (require && caFile is null)
        {
            s.Errors.Add(s.ChildPath("clientCaFile"), null, "required when requireClientCertificate is true: the PEM CA certificates that issue agents' client certificates");
        }

        if (require && server.Tls is null)
        {
            s.Errors.Add(s.ChildPath("requireClientCertificate"), null,
                "the gateway sees a client certificate only where it ends TLS itself: set server.tls and listen on an https URL (server.urls)");
        }

        if (!require && caFile is not null)
        {
            s.Errors.Add(s.ChildPath("clientCaFile"), null, "is used only with requireClientCertificate: true");
        }

        return new AgentsConfig { RequireClientCertificate = require, ClientCaFile = caFile };
    }

    /// <summary>Loads the CA bundle as the connect endpoint will; returns why it cannot be used, or null.</summary>
    public static string? CaProblem(string caFile)
    {
        if (!File.Exists(caFile))
        {
            return $"file '{caFile}' does not exist";
        }

        try
        {
            var bundle = new X509Certificate2Collection();
            bundle.ImportFromPemFile(caFile);
            return bundle.Count == 0 ? $"'{caFile}' holds no PEM certificate" : null;
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return $"cannot read '{caFile}' as PEM certificates: {error.Message}";
        }
    }
}
