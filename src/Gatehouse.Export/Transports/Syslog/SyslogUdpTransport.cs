using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Export.Transports.Syslog;

/// <summary>Sends each RFC 5424 message as one UDP datagram (RFC 5426).</summary>
/// <remarks>
/// UDP acknowledges nothing: a batch counts as delivered once every datagram left this host, and a receiver that is
/// down or a full buffer on the path loses events silently. A message longer than
/// <see cref="SyslogOptions.MaxDatagramBytes"/> keeps its header and structured data (so the sequence survives) and
/// loses the end of MSG. The only failures seen are local ones and an ICMP port-unreachable reported on a later send.
/// </remarks>
internal sealed class SyslogUdpTransport : IExportTransport
{
    private readonly SyslogOptions _options;
    private readonly SyslogMessageWriter _writer;
    private readonly ILogger _logger;
    private readonly string _destination;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ArrayBufferWriter<byte> _message = new(4096);
    private Socket? _socket;

    public SyslogUdpTransport(SyslogOptions options, SyslogMessageWriter writer, ILogger logger)
    {
        _options = options;
        _writer = writer;
        _logger = logger;
        _destination = $"syslog udp://{options.Host}:{options.EffectivePort}";
    }

    public async ValueTask DeliverAsync(IReadOnlyList<ExportEvent> batch, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var socket = _socket ??= await OpenAsync(cancellationToken);
            foreach (var e in batch)
            {
                _message.ResetWrittenCount();
                var length = _writer.Write(e, _message, _options.MaxDatagramBytes);
                if (length > _message.WrittenCount)
                {
                    TransportLog.DatagramTruncated(_logger, e.Sequence, _destination, length, _options.MaxDatagramBytes);
                }

                await socket.SendAsync(_message.WrittenMemory, SocketFlags.None, cancellationToken);
            }
        }
        catch (SocketException ex)
        {
            // A refused send poisons nothing, but a fresh socket also forgets any queued ICMP error.
            _socket?.Dispose();
            _socket = null;
            throw new ExportDeliveryException($"{_destination}: send failed ({ex.SocketErrorCode})", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        _socket = null;
        return ValueTask.CompletedTask;
    }

    private async Task<Socket> OpenAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // Connecting a datagram socket fixes the peer (resolved once) and lets ICMP errors surface on send.
            await socket.ConnectAsync(_options.Host, _options.EffectivePort, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
