namespace Gatehouse.Policy.Context;

/// <summary>Describes the authenticated caller as policy sees it (CEL: <c>identity</c>).</summary>
public sealed record PolicyIdentity
{
    /// <summary>Gets the caller that matches nothing: no subject, no groups.</summary>
    public static PolicyIdentity Anonymous { get; } = new();

    /// <summary>Gets the stable subject (OIDC <c>sub</c>, or the API key's owner).</summary>
    public string Subject { get; init; } = "";

    /// <summary>Gets the e-mail address, or the empty string.</summary>
    public string Email { get; init; } = "";

    /// <summary>Gets the caller's groups.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Gets the token issuer, or the empty string for API keys.</summary>
    public string Issuer { get; init; } = "";

    /// <summary>Gets the API key's name, or the empty string for tokens.</summary>
    public string KeyName { get; init; } = "";

    /// <summary>Gets how the caller authenticated: <c>oidc</c> or <c>api_key</c>.</summary>
    public string Method { get; init; } = "";
}
