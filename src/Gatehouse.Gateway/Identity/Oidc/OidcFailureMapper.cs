using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Identity.Oidc;

/// <summary>Maps a token validation exception to the failure the client sees.</summary>
/// <remarks>Signature problems of every kind get one message: telling a forger which check failed helps only the forger.</remarks>
internal static class OidcFailureMapper
{
    public static IdentityFailure Map(Exception exception) => exception switch
    {
        SecurityTokenExpiredException => IdentityFailure.TokenExpired("The access token has expired; obtain a new one."),
        SecurityTokenNotYetValidException => IdentityFailure.InvalidToken(
            "The access token is not valid yet (nbf is in the future); check the clocks of the issuer and the client."),
        SecurityTokenNoExpirationException => IdentityFailure.InvalidToken("The access token has no expiry (exp); it is not accepted."),
        SecurityTokenInvalidLifetimeException => IdentityFailure.InvalidToken("The access token's lifetime is invalid."),
        SecurityTokenInvalidAudienceException => IdentityFailure.InvalidToken(
            "The access token's audience (aud) is not one this gateway accepts."),
        SecurityTokenInvalidIssuerException => IdentityFailure.UntrustedIssuer("The token's issuer is not one this gateway trusts."),
        SecurityTokenInvalidTypeException => IdentityFailure.InvalidToken(
            "The token type (typ) is not accepted; send an access token (typ JWT or at+jwt), not an ID token."),
        SecurityTokenInvalidAlgorithmException => IdentityFailure.InvalidToken("The token's signing algorithm is not accepted."),
        SecurityTokenInvalidSignatureException => IdentityFailure.InvalidToken("The access token's signature could not be verified."),
        SecurityTokenMalformedException => IdentityFailure.InvalidToken("The access token is not a well-formed JWT."),
        SecurityTokenException => IdentityFailure.InvalidToken("The access token could not be validated."),
        _ => IdentityFailure.IssuerUnavailable(
            "The gateway could not fetch the issuer's discovery document or signing keys; try again later."),
    };
}
