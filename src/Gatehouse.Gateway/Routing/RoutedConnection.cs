using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Forwarding;

namespace Gatehouse.Gateway.Routing;

/// <summary>A connection ready for the data path: its configuration, its HTTP client and its transformer.</summary>
internal sealed record RoutedConnection(ConnectionConfig Config, HttpMessageInvoker Client, UpstreamTransformer Transformer)
{
    public string Name => Config.Name;

    /// <summary>Gets the upstream base without a trailing slash, the prefix YARP joins the path to.</summary>
    public string DestinationPrefix { get; } = Config.Upstream.AbsoluteUri.TrimEnd('/');

    public bool Allows(IReadOnlyList<string> groups)
        => Config.AllowGroups.Count == 0 || Config.AllowGroups.Any(g => groups.Contains(g, StringComparer.Ordinal));
}
