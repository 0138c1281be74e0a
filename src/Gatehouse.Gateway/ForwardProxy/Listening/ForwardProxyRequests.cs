using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Gateway.ForwardProxy.Routing;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.Credentials;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>
/// Runs the requests that arrive on the proxy listener through the exchange pipeline of the connection their host maps to,
/// exactly as if sent to <c>/{connection}/{path}</c>, identified by the proxy credential.
/// </summary>
/// <remarks>
/// Requests on other listeners pass through untouched. On the proxy listener nothing else is served: a request that is
/// neither inside an intercepted tunnel nor an absolute-form request for an intercepted host is refused.
/// </remarks>
internal sealed class ForwardProxyRequests(ProxyRoutes routes, IdentityResolver identity, ExchangeHandler exchanges, ILogger<ForwardProxyRequests> logger)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<ProxiedConnection>() is not { } proxied)
        {
            await next(context);
            return;
        }

        string name;
        ProxyCaller caller;
        if (proxied is { Connection: { } intercepted, Host: { } host, Credential: { } credential })
        {
            name = intercepted;
            caller = new ProxyCaller(credential, host);
        }
        else if (await PlainAsync(context) is { } plain)
        {
            (name, caller) = plain;
        }
        else
        {
            return;
        }

        // The proxy credential is the gateway's; it never goes further.
        context.Request.Headers.Remove("Proxy-Authorization");
        context.Request.Headers.Remove("Proxy-Connection");
        context.Features.Set(caller);
        context.Request.Path = new PathString("/" + name).Add(context.Request.Path);
        context.Request.RouteValues["connection"] = name;
        await exchanges.HandleAsync(context);
    }

    /// <summary>Checks an absolute-form request on a plain proxy connection; returns its connection and caller, or null once refused.</summary>
    private async Task<(string Name, ProxyCaller Caller)?> PlainAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (!target.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync(context, new GatehouseProblem(ExchangeFailureCode.NotAProxyRequest.ToName(), "Not a proxy request", StatusCodes.Status400BadRequest,
                "This is the gateway's forward-proxy port: configure it as your client's HTTP proxy, or send requests to the gateway's base URL instead."));
            return null;
        }

        var credential = CredentialReader.Read(context);
        var host = context.Request.Host.Host.ToLowerInvariant();
        var caller = new ProxyCaller(credential, host);
        context.Features.Set(caller);
        var auth = await identity.AuthenticateAsync(context);
        if (!auth.Succeeded)
        {
            Log.ProxyUnauthenticated(logger, auth.Failure.Code.ToName());
            var status = auth.Failure.Status == StatusCodes.Status401Unauthorized ? StatusCodes.Status407ProxyAuthenticationRequired : auth.Failure.Status;
            if (status == StatusCodes.Status407ProxyAuthenticationRequired)
            {
                context.Response.Headers.ProxyAuthenticate = ProxyAuthorization.Challenge;
            }

            await WriteAsync(context, auth.Failure.ToProblem() with { Status = status });
            return null;
        }

        var route = routes.Find(host);
        if (route is not { Kind: ProxyRouteKind.Intercept, Connection: { } name })
        {
            Log.ConnectRefused(logger, host, context.Request.Host.Port ?? 80, StatusCodes.Status403Forbidden, ExchangeFailureCode.ProxyHostNotIntercepted.ToName(), auth.Identity.Subject);
            await WriteAsync(context, new GatehouseProblem(ExchangeFailureCode.ProxyHostNotIntercepted.ToName(), "Host not intercepted", StatusCodes.Status403Forbidden,
                $"The proxy forwards plain-HTTP requests only for the hosts it governs, and '{host}' is not one; use HTTPS (CONNECT) for tunnelled hosts."));
            return null;
        }

        return (name, caller);
    }

    private static Task WriteAsync(HttpContext context, GatehouseProblem problem) => ProblemWriter.WriteAsync(context.Response, problem, context.RequestAborted);
}
