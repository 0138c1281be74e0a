namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// The web console (<c>console:</c>), served at <c>/console</c>. The console is off unless <see cref="Oidc"/> is set
/// (<c>serve --dev</c> sets it to the development issuer).
/// </summary>
public sealed record ConsoleConfig
{
    /// <summary>Gets the OpenID Connect client the console signs people in with; null (the default) turns the console off.</summary>
    public ConsoleOidcConfig? Oidc { get; init; }

    /// <summary>Gets how long a console session lasts after sign-in; the default is eight hours, a working day.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Gets the secret that encrypts the console's key ring in the store (<c>console.keyRingKey</c>, at least 16 bytes);
    /// null (the default) stores the keys unencrypted, which only the embedded store allows.
    /// </summary>
    /// <remarks>
    /// The key ring protects session cookies and antiforgery tokens: whoever reads it can forge a console session. In a
    /// shared database it is readable by everyone who can read the database or its backups, hence required there.
    /// </remarks>
    public byte[]? KeyRingKey { get; init; }

    /// <summary>Gets where <see cref="KeyRingKey"/> came from (<c>env:NAME</c> or <c>file:PATH</c>), for messages; never the key.</summary>
    public string? KeyRingKeySource { get; init; }
}
