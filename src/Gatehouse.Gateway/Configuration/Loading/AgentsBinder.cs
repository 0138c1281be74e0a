using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Checks <c>agents.clientCaFile</c> as the connect endpoint will load it.</summary>
internal static class AgentsBinder
{
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
