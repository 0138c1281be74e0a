namespace Gatehouse.Gateway.Identity.Development;

/// <summary>What one authorization code of the development issuer stands for, until it is redeemed once.</summary>
internal sealed record DevAuthorizationCode(
    DevUser User,
    string ClientId,
    string RedirectUri,
    string CodeChallenge,
    string? Nonce,
    DateTimeOffset ExpiresAt);
