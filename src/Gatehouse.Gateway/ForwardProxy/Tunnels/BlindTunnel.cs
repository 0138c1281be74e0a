using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.ForwardProxy.Listening;
using Gatehouse.Gateway.ForwardProxy.Routing;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.ForwardProxy.Tunnels;

/// <summary>
/// Copies bytes both ways between the client and a tunnelled host, unread, after checking where it connects and
/// recording the tunnel's opening durably; its closing records the bytes each way and how long it lasted.
/// </summary>
internal sealed class BlindTunnel(GatehouseConfig config, TunnelAudit audit, TimeProvider time, ILogger<BlindTunnel> logger)
{
    private const int BufferSize = 16 * 1024;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly ProxyConfig _proxy = config.Proxy!;

    public async Task RunAsync(ConnectionContext connection, ProxyTarget target, bool listed, GatehouseIdentity caller, TunnelRecord draft)
    {
        var closed = connection.ConnectionClosed;
        var output = connection.Transport.Output;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(target.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(target.Host, closed);
        }
        catch (SocketException)
        {
            await RefuseAsync(output, draft, 502, ExchangeFailureCode.ProxyTargetUnresolved, "Host not found", $"The proxy could not resolve '{target.Host}'.", closed);
            return;
        }

        var allowed = addresses.Where(a => _proxy.AllowPrivateTargets || TargetAddresses.Allowed(a, listed)).ToList();
        if (allowed.Count == 0)
        {
            await RefuseAsync(output, draft, 403, ExchangeFailureCode.ProxyTargetNotAllowed, "Target not allowed",
                $"'{target.Host}' resolves to a loopback, link-local or private address, which the proxy never tunnels to.", closed);
            return;
        }

        using var socket = await ConnectAsync(allowed, target.Port, closed);
        if (socket is null)
        {
            await RefuseAsync(output, draft, 502, ExchangeFailureCode.ProxyTargetUnreachable, "Target unreachable", $"The proxy could not connect to {target.Host}:{target.Port}.", closed);
            return;
        }

        var opened = draft with { Address = ((IPEndPoint)socket.RemoteEndPoint!).Address.ToString(), At = time.GetUtcNow() };
        var written = await audit.RecordAsync(TunnelAudit.Opened, opened, closed);
        if (!written.Success && config.Audit.FailureMode == AuditFailureMode.Closed)
        {
            Log.TunnelNotAudited(logger, target.Host, written.Error!);
            await ProxyReplies.ProblemAsync(output, new GatehouseProblem(ExchangeFailureCode.AuditUnavailable.ToName(), "Audit unavailable", 503,
                "The gateway could not record this tunnel in its audit trail, so it was not opened. Try again shortly; if it persists, tell the gateway's operators."), null, closed);
            return;
        }

        await ProxyReplies.EstablishedAsync(output, closed);
        var started = time.GetTimestamp();
        await using var remote = new NetworkStream(socket, ownsSocket: false);
        var up = PumpUpAsync(connection.Transport.Input, remote, socket);
        var down = PumpDownAsync(remote, output);

        // Whichever side ends first, the other is given its end: the client's input is cancelled when the target closes.
        var first = await Task.WhenAny(up, down);
        if (first == down)
        {
            connection.Transport.Input.CancelPendingRead();
        }

        var bytesUp = await up;
        var bytesDown = await down;
        var duration = time.GetElapsedTime(started);
        Log.TunnelClosed(logger, opened.TunnelId, target.Host, target.Port, duration, bytesUp, bytesDown, caller.Subject);
        var closing = opened with { BytesUp = bytesUp, BytesDown = bytesDown, DurationSeconds = duration.TotalSeconds, At = time.GetUtcNow() };
        var done = await audit.RecordAsync(TunnelAudit.Closed, closing, CancellationToken.None);
        if (!done.Success)
        {
            Log.TunnelCloseNotAudited(logger, opened.TunnelId, done.Error!);
        }
    }

    private async Task RefuseAsync(PipeWriter output, TunnelRecord draft, int status, ExchangeFailureCode code, string title, string detail, CancellationToken cancellationToken)
    {
        Log.ConnectRefused(logger, draft.Host, draft.Port, status, code.ToName(), draft.Subject);
        await audit.RecordRefusalAsync(draft with { At = time.GetUtcNow() }, code, status, cancellationToken);
        await ProxyReplies.ProblemAsync(output, new GatehouseProblem(code.ToName(), title, status, detail), null, cancellationToken);
    }

    private static async Task<Socket?> ConnectAsync(List<IPAddress> addresses, int port, CancellationToken cancellationToken)
    {
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(ConnectTimeout);
                await socket.ConnectAsync(address, port, timeout.Token);
                return socket;
            }
            catch (Exception error) when (error is SocketException or OperationCanceledException)
            {
                // Try the next address; the caller answers 502 when none answers.
                socket.Dispose();
            }
        }

        return null;
    }

    private static async Task<long> PumpUpAsync(PipeReader from, NetworkStream to, Socket socket)
    {
        long total = 0;
        try
        {
            while (true)
            {
                var result = await from.ReadAsync();
                foreach (var segment in result.Buffer)
                {
                    await to.WriteAsync(segment);
                }

                total += result.Buffer.Length;
                from.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }

            // The client finished sending: pass its half-close on, and let the target finish answering.
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception error) when (error is IOException or SocketException or ConnectionResetException or ObjectDisposedException)
        {
            // Either side reset the connection: the tunnel ends with what was copied.
        }

        return total;
    }

    private static async Task<long> PumpDownAsync(NetworkStream from, PipeWriter to)
    {
        long total = 0;
        try
        {
            while (true)
            {
                var memory = to.GetMemory(BufferSize);
                var read = await from.ReadAsync(memory);
                if (read == 0)
                {
                    break;
                }

                to.Advance(read);
                total += read;
                var flushed = await to.FlushAsync();
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception error) when (error is IOException or SocketException or ConnectionResetException or ObjectDisposedException)
        {
            // Either side reset the connection: the tunnel ends with what was copied.
        }

        return total;
    }
}
