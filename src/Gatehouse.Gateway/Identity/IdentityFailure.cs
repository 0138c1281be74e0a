using Gatehouse.Gateway.Problems;

namespace Gatehouse.Gateway.Identity;

/// <summary>Why a caller could not be identified: a code (its stable name at the boundary), an HTTP status and a message a person can act on.</summary>
/// <remarks>Messages never contain the credential and never say why a signature check failed.</remarks>
internal sealed record IdentityFailure(IdentityFailureCode Code, int Status, string Title, string Message)
{
    private const int Unauthorized = 401;

    public static IdentityFailure MissingCredentials(string message) =>
        new(IdentityFailureCode.MissingCredentials, Unauthorized, "Credentials required", message);

    public static IdentityFailure AmbiguousCredentials(string message) =>
        new(IdentityFailureCode.AmbiguousCredentials, Unauthorized, "Ambiguous credentials", message);

    public static IdentityFailure InvalidToken(string message) =>
        new(IdentityFailureCode.InvalidToken, Unauthorized, "Invalid token", message);

    public static IdentityFailure TokenExpired(string message) =>
        new(IdentityFailureCode.TokenExpired, Unauthorized, "Token expired", message);

    public static IdentityFailure UntrustedIssuer(string message) =>
        new(IdentityFailureCode.UntrustedIssuer, Unauthorized, "Untrusted issuer", message);

    public static IdentityFailure InvalidApiKey(string message) =>
        new(IdentityFailureCode.InvalidApiKey, Unauthorized, "Invalid API key", message);

    public static IdentityFailure ApiKeyExpired(string message) =>
        new(IdentityFailureCode.ApiKeyExpired, Unauthorized, "API key expired", message);

    public static IdentityFailure ApiKeyRevoked(string message) =>
        new(IdentityFailureCode.ApiKeyRevoked, Unauthorized, "API key revoked", message);

    /// <summary>The issuer's discovery document or keys could not be fetched: the gateway, not the caller, is at fault.</summary>
    public static IdentityFailure IssuerUnavailable(string message) =>
        new(IdentityFailureCode.IssuerUnavailable, 503, "Issuer unavailable", message);

    /// <summary>The API key store could not be read: the gateway, not the caller, is at fault.</summary>
    public static IdentityFailure KeyStoreUnavailable(string message) =>
        new(IdentityFailureCode.KeyStoreUnavailable, 503, "Key store unavailable", message);

    /// <summary>Converts the failure to the problem returned to the client.</summary>
    public GatehouseProblem ToProblem() => new(Code.ToName(), Title, Status, Message);
}
