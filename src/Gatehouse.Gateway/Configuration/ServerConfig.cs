namespace Gatehouse.Gateway.Configuration;

/// <summary>Listener settings.</summary>
public sealed record ServerConfig
{
    /// <summary>Gets the URLs Kestrel listens on; the default is <c>http://127.0.0.1:8080</c>.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:8080"];

    /// <summary>Gets the public base URL clients use, when it differs from the first listen URL.</summary>
    public string? PublicUrl { get; init; }

    /// <summary>Gets the certificate <c>https://</c> URLs are served with; null (the default) when TLS ends in front of the gateway.</summary>
    public ServerTlsConfig? Tls { get; init; }
}
