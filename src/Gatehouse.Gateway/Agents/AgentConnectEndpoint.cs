using System.Security.Cryptography;
using Gatehouse.Gateway.Identity.ApiKeys;
using Gatehouse.Gateway.Problems;
using Gatehouse.Storage.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Agents;

/// <summary>
/// <c>GET /api/agents/connect</c>: an agent dials in with its enrollment token as bearer and upgrades to a WebSocket,
/// which then carries HTTP/2 with the gateway as client, until either side closes it.
/// </summary>
/// <remarks>
/// <para>The token is checked before the upgrade (401 problem+json with <c>agent_token_invalid</c>,
/// <c>agent_token_revoked</c> or <c>agent_token_expired</c>, audited as <c>agent.refused</c>), and again every
/// <see cref="RecheckInterval"/> while the tunnel lives, so revoking a token also cuts the tunnels it opened.</para>
/// <para>The tunnel is registered only once the agent answered its hello through it, and is removed the moment it
/// closes; <c>agent.connected</c> and <c>agent.disconnected</c> entries bracket its life in the audit.</para>
/// </remarks>
internal sealed class AgentConnectEndpoint(
    IAgentTokenStore tokens, AgentTunnels tunnels, AgentAudit audit, AgentCertificateCheck certificates, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<AgentConnectEndpoint> logger)
{
    /// <summary>How often a live tunnel's token is checked again.</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    public async Task HandleAsync(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString();
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ProblemWriter.WriteAsync(context.Response, new GatehouseProblem("agent_websocket_required", "WebSocket required", StatusCodes.Status400BadRequest,
                "This endpoint is dialled by 'gatehouse agent', which opens a WebSocket here. Point the agent at the gateway's base URL with --gateway."), context.RequestAborted);
            return;
        }

        // Mutual TLS first when required: a stolen token alone opens nothing, and the refusal names the certificate only.
        var (certificate, refusal) = await certificates.CheckAsync(context);
        AgentTokenRecord? token = null;
        if (refusal is null)
        {
            (token, refusal) = await AuthenticateAsync(context, context.RequestAborted);
        }

        var presented = certificate is null ? null : AgentCertificateCheck.Describe(certificate);
        if (token is null)
        {
            Log.Refused(logger, remote, refusal!.Code, TokenId(context));
            await audit.RecordAsync(Guid.CreateVersion7(time.GetUtcNow()).ToString("D"),
                new AgentEventRecord(AgentAudit.Refused, null, TokenId(context), remote, time.GetUtcNow()) { Reason = refusal.Code, Certificate = presented },
                context.RequestAborted);
            context.Response.Headers[AgentProtocol.RefusalHeader] = refusal.Code;
            await ProblemWriter.WriteAsync(context.Response, refusal, context.RequestAborted);
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = TimeSpan.FromSeconds(15),
            KeepAliveTimeout = TimeSpan.FromSeconds(30),
        });
        var version = context.Request.Headers[AgentProtocol.VersionHeader].ToString() is { Length: > 0 and <= 64 } v ? v : "unknown";
        var instance = context.Request.Headers[AgentProtocol.InstanceHeader].ToString() is { Length: > 0 and <= 64 } i ? i : "unknown";
        var since = time.GetUtcNow();
        using var tunnel = new AgentTunnel(Guid.CreateVersion7(since).ToString("D"), token.AgentName, token.Id,
            new WebSocketTunnelStream(socket), since, remote, version, instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            using var hello = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            hello.CancelAfter(HelloTimeout);
            await tunnel.HelloAsync(hello.Token);
        }
        catch (Exception error) when (error is HttpRequestException or IOException or OperationCanceledException or System.Text.Json.JsonException)
        {
            Log.HelloFailed(logger, tunnel.Name, tunnel.Id, error);
            return;
        }

        tunnels.Add(tunnel);
        Log.Connected(logger, tunnel.Name, remote, tunnel.Id, version, string.Join(", ", tunnel.Upstreams));
        await audit.RecordAsync(tunnel.Id, new AgentEventRecord(AgentAudit.Connected, tunnel.Name, token.Id, remote, since)
        {
            Version = version, Instance = instance, Upstreams = tunnel.Upstreams, Certificate = presented,
        }, CancellationToken.None);

        var reason = await WatchAsync(tunnel, stop.Token);
        tunnels.Remove(tunnel);
        tunnel.Dispose();
        Log.Disconnected(logger, tunnel.Name, tunnel.Id, reason);
        await audit.RecordAsync(tunnel.Id, new AgentEventRecord(AgentAudit.Disconnected, tunnel.Name, token.Id, remote, time.GetUtcNow())
        {
            Instance = instance, Reason = reason, Since = since, Requests = tunnel.Requests,
        }, CancellationToken.None);
    }

    // Waits until the tunnel closes, the gateway stops, or the token stops admitting the agent; returns why.
    private async Task<string> WatchAsync(AgentTunnel tunnel, CancellationToken stop)
    {
        while (true)
        {
            var recheck = Task.Delay(RecheckInterval, time, stop);
            await Task.WhenAny(tunnel.Closed, recheck);
            if (tunnel.IsClosed)
            {
                return "tunnel_closed";
            }

            if (stop.IsCancellationRequested)
            {
                return lifetime.ApplicationStopping.IsCancellationRequested ? "gateway_stopping" : "tunnel_closed";
            }

            AgentTokenRecord? token;
            try
            {
                token = await tokens.FindAsync(tunnel.TokenId, stop);
            }
            catch (Exception error) when (error is Storage.StoreUnavailableException or OperationCanceledException)
            {
                // A store that cannot be read now does not cut working tunnels; the next check asks again.
                continue;
            }

            if (token is null || !token.IsActive(time.GetUtcNow()))
            {
                return token?.RevokedAt is not null ? "token_revoked" : "token_expired";
            }
        }
    }

    private async Task<(AgentTokenRecord? Token, GatehouseProblem? Refusal)> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var text = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (!ApiKeyFormat.TryParse(text, ApiKeyFormat.AgentTokenPrefix, out var id, out var hash))
        {
            return (null, Refusal("agent_token_invalid",
                "Send an agent enrollment token (gat_...) as 'Authorization: Bearer <token>'. Create one with 'gatehouse agents create --name NAME'."));
        }

        var token = await tokens.FindAsync(id, cancellationToken);
        if (token is null || !CryptographicOperations.FixedTimeEquals(token.SecretHash, hash))
        {
            return (null, Refusal("agent_token_invalid", "The enrollment token is not known to this gateway. Create one with 'gatehouse agents create --name NAME'."));
        }

        if (token.RevokedAt is not null)
        {
            return (null, Refusal("agent_token_revoked", $"The enrollment token {token.Id} of agent '{token.AgentName}' was revoked. Create a new one with 'gatehouse agents create'."));
        }

        if (!token.IsActive(time.GetUtcNow()))
        {
            return (null, Refusal("agent_token_expired", $"The enrollment token {token.Id} of agent '{token.AgentName}' has expired. Create a new one with 'gatehouse agents create'."));
        }

        return (token, null);
    }

    private static GatehouseProblem Refusal(string code, string detail) => new(code, "Agent refused", StatusCodes.Status401Unauthorized, detail);

    // The public id of a well-formed token, for the log and the audit; never its secret.
    private static string? TokenId(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var text = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        return ApiKeyFormat.TryParse(text, ApiKeyFormat.AgentTokenPrefix, out var id, out _) ? id : null;
    }
}
