using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Gatehouse.Gateway.Forwarding;

/// <summary>
/// Rewrites a request for one connection's upstream: the client's credentials and the gateway's own headers are
/// removed, the connection's credential is injected, and the path is joined to the upstream base.
/// </summary>
internal sealed class UpstreamTransformer : HttpTransformer
{
    /// <summary>The header carrying the exchange id back to the client.</summary>
    public const string ExchangeHeader = "x-gatehouse-exchange";

    // Headers that identify the caller to the gateway, or that a client could use to spoof identity or routing
    // upstream. The upstream learns who the caller is from the audit, not from headers.
    private static readonly string[] RemovedHeaders =
    [
        "Authorization", "Proxy-Authorization", "x-api-key", "api-key", "Cookie",
        "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix",
        "X-Forwarded-User", "X-Forwarded-Email", "X-Real-IP", "X-Original-URL", "X-Rewrite-URL",
    ];

    // The headers a client's own upstream credential travels in, kept on a passthrough connection's proxied requests.
    private static readonly string[] ClientCredentialHeaders = ["Authorization", "x-api-key", "api-key"];

    private readonly CredentialConfig? _credential;
    private readonly bool _passthrough;

    public UpstreamTransformer(ConnectionConfig connection)
    {
        _credential = connection.Credential;
        _passthrough = connection.CredentialPassthrough;
    }

    public override async ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        var exchange = httpContext.Features.Get<Exchanges.Exchange>()!;

        // Through the forward proxy the caller was identified by Proxy-Authorization, so on a passthrough connection
        // Authorization is the client's own upstream credential (per-user tokens); by base URL it is the gateway's, and goes.
        var passthrough = _passthrough && httpContext.Features.Get<ForwardProxy.Listening.ProxyCaller>() is not null;
        foreach (var header in RemovedHeaders)
        {
            if (!passthrough || !ClientCredentialHeaders.Contains(header, StringComparer.OrdinalIgnoreCase))
            {
                proxyRequest.Headers.Remove(header);
            }
        }

        foreach (var name in proxyRequest.Headers.Select(h => h.Key).Where(IsRemovedVariant).ToList())
        {
            proxyRequest.Headers.Remove(name);
        }

        if (ResponsePipelines.Masks(exchange) || exchange.Adapter is not null)
        {
            // Understood APIs, and masked responses, are inspected: ask the upstream for bytes the gateway can read as they stream.
            proxyRequest.Headers.AcceptEncoding.Clear();
        }

        if (_credential is not null)
        {
            proxyRequest.Headers.TryAddWithoutValidation(_credential.Header, _credential.Prefix + _credential.Value);
        }

        if (exchange.Caller is { } caller)
        {
            // A stdio server with scope: caller runs one process per principal; the bridge picks it by this key.
            proxyRequest.Options.Set(Mcp.Bridge.McpBridgeHandler.CallerKey, caller.PrincipalKey);
        }

        // The query as inspected: masked on a connection that masks requests.
        proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, exchange.UpstreamPath, new QueryString(exchange.Query));
        proxyRequest.Headers.Host = null;
    }

    public override async ValueTask<bool> TransformResponseAsync(
        HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var proceed = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        var exchange = httpContext.Features.Get<Exchanges.Exchange>()!;
        exchange.OnUpstreamHeaders(proxyResponse);
        if (proxyResponse is not null)
        {
            // The response's pipeline is built once, here, now that the headers say what the body is.
            httpContext.Features.Get<ResponseTap>()?.Begin(proxyResponse, httpContext.Response);
        }

        httpContext.Response.Headers[ExchangeHeader] = exchange.Id;
        return proceed;
    }

    private static bool IsGatewayHeader(string name) => name.StartsWith("x-gatehouse-", StringComparison.OrdinalIgnoreCase);

    // Upstreams behind CGI, WSGI and some proxies read '_' as '-' in header names, so x_api_key or x_upstream_key
    // would reach them as the header removed here, or as the connection's credential: underscore spellings go too.
    private bool IsRemovedVariant(string name)
    {
        if (IsGatewayHeader(name))
        {
            return true;
        }

        if (!name.Contains('_', StringComparison.Ordinal))
        {
            return false;
        }

        var dashed = name.Replace('_', '-');
        return IsGatewayHeader(dashed)
            || RemovedHeaders.Contains(dashed, StringComparer.OrdinalIgnoreCase)
            || string.Equals(dashed, _credential?.Header, StringComparison.OrdinalIgnoreCase);
    }
}
