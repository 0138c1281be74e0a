using System.Collections;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>
/// Reads the <c>console</c> section: <c>oidc</c> (<c>issuer</c>, <c>clientId</c>, <c>clientSecret</c>, <c>allowHttp</c>,
/// <c>scopes</c>), <c>sessionLifetime</c> and <c>keyRingKey</c>.
/// </summary>
internal static class ConsoleBinder
{
    /// <summary>The shortest key ring key accepted, as for the masking fingerprint key.</summary>
    public const int MinimumKeyRingKeyBytes = 16;

    public static ConsoleConfig Bind(SectionReader s, IDictionary environment)
    {
        var defaults = new ConsoleConfig();
        var (keyRingKey, keyRingKeySource) = BindKeyRingKey(s, environment);
        var config = new ConsoleConfig
        {
            Oidc = s.Child("oidc") is null ? null : BindOidc(s.Section("oidc"), environment),
            SessionLifetime = s.Duration("sessionLifetime", defaults.SessionLifetime, TimeSpan.FromMinutes(5), TimeSpan.FromDays(7)),
            KeyRingKey = keyRingKey,
            KeyRingKeySource = keyRingKeySource,
        };
        s.ReportUnknownKeys();
        return config;
    }

    private static (byte[]? Key, string? Source) BindKeyRingKey(SectionReader s, IDictionary environment)
    {
        if (s.Child("keyRingKey") is null)
        {
            return (null, null);
        }

        var section = s.Section("keyRingKey");
        var text = SecretSource.Read(section, environment, out var source);
        section.ReportUnknownKeys();
        if (text is null)
        {
            return (null, source);
        }

        var key = System.Text.Encoding.UTF8.GetBytes(text);
        if (key.Length < MinimumKeyRingKeyBytes)
        {
            s.Errors.Add(s.ChildPath("keyRingKey"), null, $"the key from {source} is shorter than {MinimumKeyRingKeyBytes} bytes");
            return (null, source);
        }

        return (key, source);
    }

    private static ConsoleOidcConfig? BindOidc(SectionReader s, IDictionary environment)
    {
        var issuer = s.RequiredString("issuer");
        var clientId = s.RequiredString("clientId");
        var allowHttp = s.Bool("allowHttp", false);
        string? secret = null;
        string? source = null;
        if (s.Child("clientSecret") is not null)
        {
            var secretSection = s.Section("clientSecret");
            secret = SecretSource.Read(secretSection, environment, out source);
            secretSection.ReportUnknownKeys();
        }

        var scopes = s.StringList("scopes") ?? new ConsoleOidcConfig { Issuer = "", ClientId = "" }.Scopes;
        if (!scopes.Contains("openid", StringComparer.Ordinal))
        {
            s.Errors.Add(s.ChildPath("scopes"), null, "must include openid: the console signs people in with OpenID Connect");
        }

        if (issuer is not null)
        {
            CheckIssuer(s, issuer, allowHttp);
        }

        s.ReportUnknownKeys();
        return issuer is null || clientId is null
            ? null
            : new ConsoleOidcConfig { Issuer = issuer.TrimEnd('/'), ClientId = clientId, ClientSecret = secret, ClientSecretSource = source, AllowHttp = allowHttp, Scopes = scopes };
    }

    private static void CheckIssuer(SectionReader s, string issuer, bool allowHttp)
    {
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            s.Errors.Add(s.ChildPath("issuer"), null, $"'{issuer}' is not an absolute https URL");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !allowHttp)
        {
            s.Errors.Add(s.ChildPath("issuer"), null, $"'{issuer}' is plain http; use https, or set console.oidc.allowHttp: true for a test issuer");
        }
        else if (!string.IsNullOrEmpty(uri.Fragment))
        {
            s.Errors.Add(s.ChildPath("issuer"), null, $"'{issuer}' has a fragment (#); an issuer URL has none");
        }
    }
}
