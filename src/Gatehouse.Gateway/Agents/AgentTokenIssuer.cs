using System.Security.Cryptography;
using Gatehouse.Gateway.Identity.ApiKeys;
using Gatehouse.Storage.Agents;

namespace Gatehouse.Gateway.Agents;

/// <summary>Creates agent enrollment tokens for <c>gatehouse agents create</c>: the API-key format and hash with the <c>gat_</c> prefix.</summary>
internal sealed class AgentTokenIssuer(TimeProvider time)
{
    /// <summary>Creates a token; the caller stores the record and prints the plaintext once.</summary>
    public (AgentTokenRecord Record, string Plaintext) Create(string agent, DateTimeOffset? expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agent);
        var id = ApiKeyFormat.NewId();
        Span<byte> secret = stackalloc byte[ApiKeyFormat.SecretBytes];
        RandomNumberGenerator.Fill(secret);
        var record = new AgentTokenRecord
        {
            Id = id,
            AgentName = agent,
            SecretHash = ApiKeyFormat.HashSecret(secret),
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        var plaintext = ApiKeyFormat.Format(ApiKeyFormat.AgentTokenPrefix, id, secret);
        CryptographicOperations.ZeroMemory(secret);
        return (record, plaintext);
    }
}
