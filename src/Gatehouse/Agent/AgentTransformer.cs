using Gatehouse.Gateway.Agents.Config;
using Yarp.ReverseProxy.Forwarder;

namespace Gatehouse.Agent;

/// <summary>
/// Rewrites a request from the tunnel for one of the agent's upstreams: the key segment is dropped, the rest of the path
/// joins the upstream's URL, and the agent's own credential for it, if any, replaces any header of that name.
/// </summary>
internal sealed class AgentTransformer(AgentUpstream upstream) : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        httpContext.Request.Path.StartsWithSegments("/" + upstream.Key, StringComparison.Ordinal, out var remaining);
        proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, remaining, httpContext.Request.QueryString);
        if (upstream.Credential is { } credential)
        {
            proxyRequest.Headers.Remove(credential.Header);
            proxyRequest.Headers.TryAddWithoutValidation(credential.Header, credential.Prefix + credential.Value);
        }
    }
}
