using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.ForwardProxy.Routing;
using Gatehouse.Gateway.ForwardProxy.Tunnels;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>
/// The proxy listener's connection middleware: reads a CONNECT from the raw connection, identifies the caller from
/// <c>Proxy-Authorization</c>, and intercepts, tunnels or refuses; any other request is left to Kestrel.
/// </summary>
/// <remarks>
/// <para>The order of checks (see docs/designs/forward-proxy.md):</para>
/// <list type="number">
/// <item>The head is bounded (16 KiB) and timed (<c>limits.requestHeadersTimeout</c>); a malformed one gets 400.</item>
/// <item>Identify: no credential, or one the identity stage refuses, gets 407 with <c>Proxy-Authenticate: Basic</c>
/// (503 when the issuer or key store cannot be reached). Nothing about hosts is revealed before this.</item>
/// <item>The port must be in <c>proxy.ports</c>, and the host intercepted or tunnelled (403 otherwise; audited).</item>
/// <item>Intercepted: 200, TLS with the host's leaf, then Kestrel parses the requests, which run through the connection's
/// exchange pipeline (<see cref="ForwardProxyRequests"/>). Tunnelled: the target's addresses are checked, the opening is
/// audited durably, then 200 and a blind copy.</item>
/// </list>
/// </remarks>
internal sealed class ForwardProxyListener(
    GatehouseConfig config,
    ProxyRoutes routes,
    ProxyAuthenticator authenticator,
    InterceptedTunnel intercepted,
    BlindTunnel tunnels,
    TunnelAudit audit,
    TimeProvider time,
    ILogger<ForwardProxyListener> logger)
{
    private readonly ProxyConfig _proxy = config.Proxy!;

    public async Task OnConnectionAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        (ProxyHeadRead Read, ProxyRequestHead? Head) read;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
            timeout.CancelAfter(config.Limits.RequestHeadersTimeout);
            read = await ProxyHeadReader.ReadAsync(connection.Transport.Input, timeout.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or ConnectionResetException)
        {
            // A client too slow to send its request line, or gone: nothing was asked, nothing to answer.
            return;
        }

        switch (read.Read)
        {
            case ProxyHeadRead.Other:
                connection.Features.Set(ProxiedConnection.Plain);
                await next(connection);
                return;
            case ProxyHeadRead.Malformed:
                await ProxyReplies.ProblemAsync(connection.Transport.Output, new GatehouseProblem(ExchangeFailureCode.InvalidProxyRequest.ToName(), "Invalid proxy request", 400,
                    "The CONNECT request is malformed or its headers exceed 16 KiB; send 'CONNECT host:port HTTP/1.1' with Proxy-Authorization."), null, connection.ConnectionClosed);
                return;
            case ProxyHeadRead.Connect:
                await ConnectAsync(connection, read.Head!, next);
                return;
            default:
                return;
        }
    }

    private async Task ConnectAsync(ConnectionContext connection, ProxyRequestHead head, ConnectionDelegate next)
    {
        var closed = connection.ConnectionClosed;
        var output = connection.Transport.Output;
        var target = ProxyTarget.TryParse(head.Target);
        if (target is null)
        {
            await ProxyReplies.ProblemAsync(output, new GatehouseProblem(ExchangeFailureCode.InvalidConnectTarget.ToName(), "Invalid CONNECT target", 400,
                "CONNECT needs a target of the form host:port (RFC 9110 §9.3.6)."), null, closed);
            return;
        }

        var credential = ProxyAuthorization.Read(head.Values("Proxy-Authorization"));
        var auth = await authenticator.AuthenticateAsync(credential, target.Host, connection, closed);
        if (!auth.Succeeded)
        {
            Log.ProxyUnauthenticated(logger, auth.Failure.Code.ToName());
            var status = auth.Failure.Status == StatusCodes.Status401Unauthorized ? StatusCodes.Status407ProxyAuthenticationRequired : auth.Failure.Status;
            await ProxyReplies.ProblemAsync(output, auth.Failure.ToProblem() with { Status = status },
                status == StatusCodes.Status407ProxyAuthenticationRequired ? ProxyAuthorization.Challenge : null, closed);
            return;
        }

        var caller = auth.Identity;
        var route = routes.Find(target.Host);
        var draft = new TunnelRecord
        {
            TunnelId = Guid.CreateVersion7(time.GetUtcNow()).ToString("D"),
            Host = target.Host,
            Port = target.Port,
            Route = route.Kind.ToString().ToLowerInvariant(),
            Subject = caller.Subject,
            Email = caller.Email,
            ClientAddress = (connection.RemoteEndPoint as System.Net.IPEndPoint)?.Address.ToString(),
            UserAgent = head.First("User-Agent") is { Length: <= 256 } agent ? agent : null,
            At = time.GetUtcNow(),
        };

        if (!_proxy.Ports.Contains(target.Port))
        {
            await RefuseAsync(output, draft, ExchangeFailureCode.ProxyPortNotAllowed, "Port not allowed",
                $"The proxy only opens connections to port(s) {string.Join(", ", _proxy.Ports)}; {target.Port} is not one of them.", closed);
            return;
        }

        switch (route.Kind)
        {
            case ProxyRouteKind.Intercept:
                await intercepted.RunAsync(connection, target, route.Connection!, credential, caller, next);
                return;
            case ProxyRouteKind.Tunnel:
                await tunnels.RunAsync(connection, target, route.Listed, caller, draft);
                return;
            default:
                await RefuseAsync(output, draft, ExchangeFailureCode.ProxyHostNotAllowed, "Host not allowed",
                    $"The proxy neither governs nor tunnels '{target.Host}'. Ask the gateway's operators to add it to proxy.intercept or proxy.tunnel if your work needs it.", closed);
                return;
        }
    }

    private async Task RefuseAsync(System.IO.Pipelines.PipeWriter output, TunnelRecord draft, ExchangeFailureCode code, string title, string detail, CancellationToken cancellationToken)
    {
        Log.ConnectRefused(logger, draft.Host, draft.Port, StatusCodes.Status403Forbidden, code.ToName(), draft.Subject);
        await audit.RecordRefusalAsync(draft, code, StatusCodes.Status403Forbidden, cancellationToken);
        await ProxyReplies.ProblemAsync(output, new GatehouseProblem(code.ToName(), title, StatusCodes.Status403Forbidden, detail), null, cancellationToken);
    }
}
