using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Agents;

/// <summary>
/// With <c>agents.requireClientCertificate</c>, admits an agent only if its TLS client certificate chains to the
/// agents' CA (<c>agents.clientCaFile</c>) alone, is within its validity and may be used for client authentication.
/// </summary>
/// <remarks>
/// The system's trust store plays no part: a certificate any public CA issued is not an agent's. Revocation is not
/// checked (private agent CAs rarely publish lists); revoking the enrollment token is how an agent is cut off.
/// </remarks>
internal sealed class AgentCertificateCheck
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private readonly X509Certificate2Collection? _authorities;

    public AgentCertificateCheck(GatehouseConfig config)
    {
        if (config.Agents is { RequireClientCertificate: true, ClientCaFile: { } caFile })
        {
            _authorities = [];
            _authorities.ImportFromPemFile(caFile);
        }
    }

    /// <summary>Gets a value indicating whether agents must present a certificate.</summary>
    public bool Required => _authorities is not null;

    /// <summary>Returns the certificate presented, if any, and the refusal when it does not admit the agent; null for both when none is required.</summary>
    public async Task<(X509Certificate2? Certificate, GatehouseProblem? Refusal)> CheckAsync(HttpContext context)
    {
        if (_authorities is null)
        {
            return (null, null);
        }

        var presented = await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        if (presented is null)
        {
            return (null, Refusal("agent_certificate_required",
                "This gateway requires agents to present a TLS client certificate issued by its agents' CA: start the agent with --client-certificate and --client-key."));
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthentication));
        if (!chain.Build(presented))
        {
            var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
            return (presented, Refusal("agent_certificate_untrusted",
                $"The agent's client certificate ({presented.Subject}) does not chain to the agents' CA this gateway trusts ({status}). Issue it from the CA in agents.clientCaFile."));
        }

        return (presented, null);
    }

    /// <summary>How an admitted certificate is named in the audit and the log: subject and SHA-256 thumbprint.</summary>
    public static string Describe(X509Certificate2 certificate) =>
        $"{certificate.Subject} (sha256 {certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant()})";

    private static GatehouseProblem Refusal(string code, string detail) => new(code, "Agent refused", StatusCodes.Status401Unauthorized, detail);
}
