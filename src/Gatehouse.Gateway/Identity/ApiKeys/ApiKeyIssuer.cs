using System.Security.Cryptography;
using Gatehouse.Storage.Keys;

namespace Gatehouse.Gateway.Identity.ApiKeys;

/// <summary>Creates API keys for <c>gatehouse keys create</c>: a random id and secret, of which only a hash is kept.</summary>
internal sealed class ApiKeyIssuer(TimeProvider time)
{
    /// <summary>Creates a key; the caller stores <see cref="IssuedApiKey.Record"/> and prints <see cref="IssuedApiKey.Plaintext"/> once.</summary>
    /// <param name="name">The unique, human-chosen name (for example <c>ci-bot</c>).</param>
    /// <param name="groups">The groups a caller using the key holds.</param>
    /// <param name="expiresAt">When the key stops working, or null for never.</param>
    /// <param name="owner">The owner's principal key (see <see cref="ApiKeyOwner"/>).</param>
    public IssuedApiKey Create(string name, IReadOnlyList<string> groups, DateTimeOffset? expiresAt, string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var id = ApiKeyFormat.NewId();
        Span<byte> secret = stackalloc byte[ApiKeyFormat.SecretBytes];
        RandomNumberGenerator.Fill(secret);
        var record = new ApiKeyRecord
        {
            Id = id,
            Name = name,
            Owner = owner,
            Groups = [.. groups.Distinct(StringComparer.Ordinal)],
            SecretHash = ApiKeyFormat.HashSecret(secret),
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        var plaintext = ApiKeyFormat.Format(id, secret);
        CryptographicOperations.ZeroMemory(secret);
        return new IssuedApiKey(record, plaintext);
    }
}
