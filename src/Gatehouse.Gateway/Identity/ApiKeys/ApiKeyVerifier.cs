using System.Security.Cryptography;
using Gatehouse.Storage.Keys;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Identity.ApiKeys;

/// <summary>Verifies presented API key text against the store.</summary>
internal sealed class ApiKeyVerifier(IApiKeyStore store, TimeProvider time, ILogger<ApiKeyVerifier> logger)
{
    /// <summary>Verifies the key: well-formed, known, matching secret, then not revoked and not expired.</summary>
    /// <remarks>
    /// The secret is checked before the key's state, so that only the key's holder learns that it was revoked or
    /// expired; everyone else sees <c>invalid_api_key</c>.
    /// </remarks>
    public async Task<IdentityResult> VerifyAsync(string keyText, CancellationToken cancellationToken)
    {
        if (!ApiKeyFormat.TryParse(keyText, out var id, out var secretHash))
        {
            return Invalid();
        }

        ApiKeyRecord? record;
        try
        {
            record = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The store's failures (disk, lock, corruption) have no common type; any of them means the key cannot be
            // checked, and the caller is refused with a 503 rather than a 500 or, worse, let through.
            IdentityLog.KeyStoreUnavailable(logger, error);
            return IdentityResult.Fail(IdentityFailure.KeyStoreUnavailable("API keys cannot be checked right now; try again later."));
        }

        if (record is null || !CryptographicOperations.FixedTimeEquals(record.SecretHash, secretHash))
        {
            return Invalid();
        }

        if (record.RevokedAt is not null)
        {
            return IdentityResult.Fail(IdentityFailure.ApiKeyRevoked(
                $"The API key '{record.Name}' was revoked; ask an administrator for a new key."));
        }

        if (record.ExpiresAt is { } expiresAt && time.GetUtcNow() >= expiresAt)
        {
            return IdentityResult.Fail(IdentityFailure.ApiKeyExpired(
                $"The API key '{record.Name}' expired at {expiresAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}; ask an administrator for a new key."));
        }

        return IdentityResult.Success(ToIdentity(record));
    }

    private static GatehouseIdentity ToIdentity(ApiKeyRecord record) => new(
        Subject: "apikey:" + record.Name,
        Email: null,
        Name: record.Name,
        Groups: record.Groups,
        Issuer: null,
        KeyId: record.Id,
        KeyName: record.Name,
        Method: GatehouseIdentity.ApiKeyMethod)
    {
        OwnerKey = record.Owner,
    };

    private static IdentityResult Invalid() =>
        IdentityResult.Fail(IdentityFailure.InvalidApiKey("The API key is not valid."));
}
