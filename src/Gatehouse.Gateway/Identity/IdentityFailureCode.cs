namespace Gatehouse.Gateway.Identity;

/// <summary>Why a caller could not be identified; written as its stable name (<see cref="IdentityFailureCodes"/>) only in problem responses, logs and the audit.</summary>
internal enum IdentityFailureCode
{
    /// <summary>No credential was presented (<c>missing_credentials</c>).</summary>
    MissingCredentials,

    /// <summary>More than one credential was presented (<c>ambiguous_credentials</c>).</summary>
    AmbiguousCredentials,

    /// <summary>The token could not be validated (<c>invalid_token</c>).</summary>
    InvalidToken,

    /// <summary>The token has expired (<c>token_expired</c>).</summary>
    TokenExpired,

    /// <summary>The token's issuer is not configured (<c>untrusted_issuer</c>).</summary>
    UntrustedIssuer,

    /// <summary>The API key is not valid (<c>invalid_api_key</c>).</summary>
    InvalidApiKey,

    /// <summary>The API key has expired (<c>api_key_expired</c>).</summary>
    ApiKeyExpired,

    /// <summary>The API key was revoked (<c>api_key_revoked</c>).</summary>
    ApiKeyRevoked,

    /// <summary>The issuer's discovery document or keys could not be fetched (<c>issuer_unavailable</c>).</summary>
    IssuerUnavailable,

    /// <summary>The API key store could not be read (<c>key_store_unavailable</c>).</summary>
    KeyStoreUnavailable,
}
