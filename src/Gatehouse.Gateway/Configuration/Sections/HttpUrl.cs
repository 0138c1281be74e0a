namespace Gatehouse.Gateway.Configuration.Sections;

/// <summary>The one test of "an absolute http(s) URL" that server, connection and telemetry URLs share.</summary>
internal static class HttpUrl
{
    public const string NotOne = "is not an absolute http(s) URL";

    public static bool IsValid(string text)
        => Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host);
}
