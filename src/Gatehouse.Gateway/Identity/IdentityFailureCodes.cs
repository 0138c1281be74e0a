namespace Gatehouse.Gateway.Identity;

/// <summary>The stable codes of identity failures, as they appear in problem responses and the audit.</summary>
internal static class IdentityFailureCodes
{
    public const string MissingCredentials = "missing_credentials";
    public const string AmbiguousCredentials = "ambiguous_credentials";
    public const string InvalidToken = "invalid_token";
    public const string TokenExpired = "token_expired";
    public const string UntrustedIssuer = "untrusted_issuer";
    public const string InvalidApiKey = "invalid_api_key";
    public const string ApiKeyExpired = "api_key_expired";
    public const string ApiKeyRevoked = "api_key_revoked";
    public const string IssuerUnavailable = "issuer_unavailable";
    public const string KeyStoreUnavailable = "key_store_unavailable";
}
