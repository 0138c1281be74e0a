using System.Net;
using System.Net.WebSockets;
using Gatehouse.Agent.Tunnel;
using Gatehouse.Audit.Versioning;
using Gatehouse.Export.Webhooks;
using Gatehouse.Gateway.Agents;

namespace Gatehouse.Agent;

/// <summary>
/// Keeps one tunnel open to each gateway replica: dials out, hands the tunnel to Kestrel, and when it closes dials
/// again after an exponential backoff with jitter (<see cref="RetryBackoff"/>), reset by every tunnel that opened.
/// </summary>
/// <remarks>
/// The gateway never dials in. Each replica has its own loop and backoff, so a replica that is down or restarting
/// delays only its own tunnel. A refused token (401, from any replica: they share one store, so a refusal holds for
/// all) stops the agent with exit code 1: it will not become valid by retrying, and a supervisor restarting the agent
/// in a loop would only fill the gateway's audit with refusals.
/// </remarks>
internal sealed class TunnelDialer(
    AgentOptions options, TunnelListenerFactory listener, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<TunnelDialer> logger)
    : BackgroundService
{
    private static readonly string Instance = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Gets the process exit code: 0, or 1 once the gateway refused the token.</summary>
    public int ExitCode { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Kestrel binds its tunnel endpoint when the host starts; dialling before would offer tunnels nobody accepts yet.
        await WhenStartedAsync(stoppingToken);
        await Task.WhenAll(options.ConnectUris.Select(gateway => KeepOpenAsync(gateway, stoppingToken)));
    }

    // One gateway replica's loop: dial, serve the tunnel until it closes, wait out the backoff, dial again.
    private async Task KeepOpenAsync(Uri gateway, CancellationToken stoppingToken)
    {
        Log.Dialling(logger, gateway, string.Join(", ", options.Config.Upstreams.Keys));
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var (connected, refusal, reason) = await RunOnceAsync(gateway, stoppingToken);
            if (refusal is not null)
            {
                if (refusal.StartsWith("agent_certificate_", StringComparison.Ordinal))
                {
                    Log.CertificateRefused(logger, gateway, refusal);
                }
                else
                {
                    Log.Refused(logger, gateway, refusal);
                }

                ExitCode = 1;
                lifetime.StopApplication();
                return;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            failures = connected ? 1 : failures + 1;
            var delay = RetryBackoff.Delay(failures, options.ReconnectDelay, options.MaxReconnectDelay, Random.Shared.NextDouble());
            if (connected)
            {
                Log.Lost(logger, gateway, delay);
            }
            else
            {
                Log.DialFailed(logger, gateway, reason!, delay);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Opens one tunnel and returns when it closed: whether it opened, the refusal code if the token was refused, or why dialling failed.
    private async Task<(bool Connected, string? Refusal, string? Reason)> RunOnceAsync(Uri gateway, CancellationToken stoppingToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + options.Token);
        socket.Options.SetRequestHeader(AgentProtocol.VersionHeader, GatehouseVersion.Current.Version);
        socket.Options.SetRequestHeader(AgentProtocol.InstanceHeader, Instance);
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.Proxy = null;
        socket.Options.RemoteCertificateValidationCallback = GatewayTrust.Callback(options.TrustedCertificates);
        if (options.ClientCertificate is { } certificate)
        {
            socket.Options.ClientCertificates.Add(certificate);
        }

        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            connectTimeout.CancelAfter(TimeSpan.FromSeconds(30));
            await socket.ConnectAsync(gateway, connectTimeout.Token);
        }
        catch (Exception error) when (error is WebSocketException or HttpRequestException or OperationCanceledException or IOException)
        {
            var status = socket.HttpStatusCode;
            var code = socket.HttpResponseHeaders?.GetValueOrDefault(AgentProtocol.RefusalHeader)?.FirstOrDefault();
            socket.Dispose();
            if (status == HttpStatusCode.Unauthorized)
            {
                return (false, code ?? "unauthorized", null);
            }

            return (false, null, status == 0 ? Describe(error) : $"HTTP {(int)status}");
        }

        var connection = new TunnelConnection(new WebSocketTunnelStream(socket), new DnsEndPoint(gateway.Host, gateway.Port));
        Log.Connected(logger, gateway);
        try
        {
            await listener.OfferAsync(connection, stoppingToken);
            await connection.Disposed.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: Kestrel closes the connection as it shuts down.
        }

        return (true, null, null);
    }

    private static string Describe(Exception error)
    {
        // The innermost message names the cause (refused, name not resolved, certificate rejected) without any secret.
        var inner = error;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message;
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
