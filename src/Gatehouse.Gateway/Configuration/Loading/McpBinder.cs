namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Binds a connection's <c>mcp</c> section: allowed only on connections of kind <c>mcp</c>.</summary>
internal static class McpBinder
{
    public static McpConnectionConfig BindConnection(SectionReader connection, string kind)
    {
        var present = connection.Child("mcp") is not null;
        var s = connection.Section("mcp");
        var resourceText = s.String("resource");
        Uri? resource = null;
        if (resourceText is not null
            && (!Uri.TryCreate(resourceText, UriKind.Absolute, out resource) || (resource.Scheme != Uri.UriSchemeHttps && resource.Scheme != Uri.UriSchemeHttp) || resource.Fragment.Length > 0))
        {
            // RFC 8707 section 2: an absolute URI without a fragment.
            s.Errors.Add(s.ChildPath("resource"), null, $"'{resourceText}' is not an absolute http(s) URL without a fragment");
            resource = null;
        }

        var config = new McpConnectionConfig { Resource = resource, RequireAudience = s.Bool("requireAudience", false), Pinning = Pinning(s), ProgressEvery = ProgressEvery(s), Sampling = Sampling(s, connection) };
        s.ReportUnknownKeys();
        if (present && kind != "mcp")
        {
            s.Errors.Add(s.Path, null, $"only applies to connections of kind mcp, not {kind}");
        }

        return config;
    }

    private static McpToolPinning Pinning(SectionReader s) => s.String("pinning") switch
    {
        null or "strict" => McpToolPinning.Strict,
        "trust-new" => McpToolPinning.TrustNew,
        "off" => McpToolPinning.Off,
        var other => Invalid(s, other),
    };

    // "off" keeps held calls silent; otherwise often enough for clients' timeouts, rarely enough not to flood them.
    private static TimeSpan? ProgressEvery(SectionReader s) => s.String("progressEvery") == "off"
        ? null
        : s.Duration("progressEvery", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
    private static McpSampling Sampling(SectionReader s, SectionReader connection)
    {
        var sampling = s.String("sampling") switch
        {
            null or "deny" => McpSampling.Deny,
            "allow" => McpSampling.Allow,
            var other => InvalidSampling(s, other),
        };

        // A stdio or HTTP+SSE server is shared by every client through one session the gateway holds: its requests are
        // answered by the gateway, so there is no client to forward a sampling request to.
        if (sampling == McpSampling.Allow && (McpTransportBinder.HasStdio(connection) || string.Equals(connection.Child("transport")?.Scalar, "sse", StringComparison.OrdinalIgnoreCase)))
        {
            s.Errors.Add(s.ChildPath("sampling"), null,
                "allow needs a server reached over Streamable HTTP: the gateway answers a stdio or sse server's requests itself and cannot forward its sampling requests to a client");
        }

        return sampling;
    }

    private static McpSampling InvalidSampling(SectionReader s, string value)
    {
        s.Errors.Add(s.ChildPath("sampling"), null, $"'{value}' is not one of allow, deny");
        return McpSampling.Deny;
    }

    private static McpToolPinning Invalid(SectionReader s, string value)
    {
        s.Errors.Add(s.ChildPath("pinning"), null, $"'{value}' is not one of strict, trust-new, off");
        return McpToolPinning.Strict;
    }
}
