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
}
