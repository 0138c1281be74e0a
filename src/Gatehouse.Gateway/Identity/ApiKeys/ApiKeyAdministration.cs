using Gatehouse.Policy.Durations;
using Gatehouse.Storage.Keys;

namespace Gatehouse.Gateway.Identity.ApiKeys;

/// <summary>
/// Creates and revokes API keys from what a person typed in the console, with the pieces <c>gatehouse keys</c> uses
/// (<see cref="ApiKeyIssuer"/>, <see cref="ApiKeyOwner"/>, the duration grammar and the store, which keeps only the
/// key's hash). Revoking through the gateway's caching store takes effect at once on this replica.
/// </summary>
internal sealed class ApiKeyAdministration(IApiKeyStore store, TimeProvider time)
{
    /// <summary>The default lifetime of a key: 90 days.</summary>
    public const string DefaultExpiry = "90d";

    /// <summary>The longest key name: 100 characters.</summary>
    public const int MaxName = 100;

    /// <summary>
    /// Issues a key and stores its hash, with a <c>key.created</c> audit entry naming <paramref name="by"/>. The plaintext is in the result only: show it once. Returns an error a person
    /// can act on for a bad name, owner or lifetime, or a name already taken.
    /// </summary>
    public async Task<(IssuedApiKey? Key, string? Error)> CreateAsync(string? name, string? owner, string? groups, string? expires, string by, CancellationToken cancellationToken)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxName || name.Any(char.IsControl))
        {
            return (null, $"name: give the key a name of 1 to {MaxName} characters, such as ci-bot.");
        }

        var expiry = DurationGrammar.Parse(string.IsNullOrWhiteSpace(expires) ? DefaultExpiry : expires.Trim(), ApiKeyLifetime.Range);
        if (!expiry.Succeeded)
        {
            return (null, $"expires: {expiry.Error}");
        }

        if (!ApiKeyOwner.TryParse(owner?.Trim(), out var ownerKey, out var ownerError))
        {
            return (null, ownerError);
        }

        var groupList = (groups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var issued = new ApiKeyIssuer(time).Create(name, groupList, expiry.Value is { } lifetime ? time.GetUtcNow() + lifetime : null, ownerKey);
        return await store.CreateAsync(issued.Record, by, cancellationToken)
            ? (issued, null)
            : (null, $"a key named '{issued.Record.Name}' already exists; revoke it or choose another name");
    }

    /// <summary>Revokes the active key named or with id <paramref name="idOrName"/>, recording <paramref name="by"/>; false when there is none.</summary>
    public Task<bool> RevokeAsync(string idOrName, string by, CancellationToken cancellationToken)
        => store.RevokeAsync(idOrName, time.GetUtcNow(), by, cancellationToken);

    /// <summary>Lists every key, never a secret.</summary>
    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);
}
