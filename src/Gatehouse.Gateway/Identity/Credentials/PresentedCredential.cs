namespace Gatehouse.Gateway.Identity.Credentials;

/// <summary>The credential a request presents, or why it presents none that can be used.</summary>
/// <param name="Value">The token or key text; null when <paramref name="Failure"/> is set.</param>
/// <param name="Failure">Why no single credential could be read.</param>
internal sealed record PresentedCredential(string? Value, IdentityFailure? Failure)
{
    /// <summary>The prefix of every Gatehouse API key.</summary>
    public const string ApiKeyPrefix = "gk_";

    /// <summary>Gets a value indicating whether the credential looks like a Gatehouse API key.</summary>
    public bool IsApiKey => Value is not null && Value.StartsWith(ApiKeyPrefix, StringComparison.Ordinal);
}
