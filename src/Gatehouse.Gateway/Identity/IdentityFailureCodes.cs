namespace Gatehouse.Gateway.Identity;

/// <summary>Maps <see cref="IdentityFailureCode"/> to the stable codes of problem responses, logs and the audit.</summary>
internal static class IdentityFailureCodes
{
    /// <summary>Returns the stable name, such as <c>invalid_token</c>.</summary>
    public static string ToName(this IdentityFailureCode code) => code switch
    {
        IdentityFailureCode.MissingCredentials => "missing_credentials",
        IdentityFailureCode.AmbiguousCredentials => "ambiguous_credentials",
        IdentityFailureCode.InvalidToken => "invalid_token",
        IdentityFailureCode.TokenExpired => "token_expired",
        IdentityFailureCode.UntrustedIssuer => "untrusted_issuer",
        IdentityFailureCode.InvalidApiKey => "invalid_api_key",
        IdentityFailureCode.ApiKeyExpired => "api_key_expired",
        IdentityFailureCode.ApiKeyRevoked => "api_key_revoked",
        IdentityFailureCode.IssuerUnavailable => "issuer_unavailable",
        IdentityFailureCode.KeyStoreUnavailable => "key_store_unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not an identity failure code"),
    };
}
