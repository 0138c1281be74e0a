using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Export.Transports.Syslog;

/// <summary>Sends RFC 5424 messages over a persistent TCP or TLS connection with RFC 6587 octet-counting framing.</summary>
/// <remarks>
/// Each message is framed as <c>MSG-LEN SP SYSLOG-MSG</c>, so payloads may contain any byte. The connection is opened
/// on the first batch and kept; a failed connect or write drops it and throws, so the exporter retries the batch on a
/// fresh connection. Syslog over TCP has no application acknowledgement: a batch counts as delivered once the kernel
/// took it (see docs/designs/export-transports.md for the loss window this leaves).
/// </remarks>
internal sealed class SyslogStreamTransport : IExportTransport
{
    private const int FlushThreshold = 64 * 1024;

    private readonly SyslogOptions _options;
    private readonly SyslogMessageWriter _writer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _destination;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ArrayBufferWriter<byte> _frames = new(FlushThreshold * 2);
    private readonly ArrayBufferWriter<byte> _message = new(4096);
    private SyslogConnection? _connection;

    public SyslogStreamTransport(SyslogOptions options, SyslogMessageWriter writer, TimeProvider time, ILogger logger)
    {
        _options = options;
        _writer = writer;
        _time = time;
        _logger = logger;
        _destination = $"syslog {options.Protocol.ToString().ToLowerInvariant()}://{options.Host}:{options.EffectivePort}";
    }

    public async ValueTask DeliverAsync(IReadOnlyList<ExportEvent> batch, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var connection = await ConnectAsync(cancellationToken);
            using var timeout = new CancellationTokenSource(_options.WriteTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await WriteAsync(connection.Stream, batch, linked.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // A half-written frame corrupts the stream for the receiver: the connection is never reused.
                await DropAsync(Reason(ex));
                cancellationToken.ThrowIfCancellationRequested();
                throw new ExportDeliveryException($"{_destination}: write failed ({Reason(ex)})", ex);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SyslogConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            if (!await _connection.IsClosedByPeerAsync(_time))
            {
                return _connection;
            }

            await DropAsync("closed by the receiver");
        }

        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            _connection = await SyslogConnection.OpenAsync(_options, linked.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or AuthenticationException or CryptographicException
            or UnauthorizedAccessException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new ExportDeliveryException($"{_destination}: cannot connect ({Reason(ex)})", ex);
        }

        TransportLog.Connected(_logger, _destination);
        return _connection;
    }

    private async Task WriteAsync(Stream stream, IReadOnlyList<ExportEvent> batch, CancellationToken cancellationToken)
    {
        _frames.ResetWrittenCount();
        foreach (var e in batch)
        {
            _message.ResetWrittenCount();
            _writer.Write(e, _message);
            var prefix = _frames.GetSpan(12);
            _message.WrittenCount.TryFormat(prefix, out var digits, default, CultureInfo.InvariantCulture);
            prefix[digits] = (byte)' ';
            _frames.Advance(digits + 1);
            _frames.Write(_message.WrittenSpan);
            if (_frames.WrittenCount >= FlushThreshold)
            {
                await stream.WriteAsync(_frames.WrittenMemory, cancellationToken);
                _frames.ResetWrittenCount();
            }
        }

        if (_frames.WrittenCount > 0)
        {
            await stream.WriteAsync(_frames.WrittenMemory, cancellationToken);
        }

        await stream.FlushAsync(cancellationToken);
    }

    private async Task DropAsync(string reason)
    {
        if (_connection is null)
        {
            return;
        }

        TransportLog.ConnectionLost(_logger, _destination, reason);
        try
        {
            await _connection.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // Closing a connection that is already broken may fail; it is being discarded either way.
        }

        _connection = null;
    }

    private static string Reason(Exception ex) => ex switch
    {
        SocketException s => s.SocketErrorCode.ToString(),
        IOException { InnerException: SocketException s } => s.SocketErrorCode.ToString(),
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException => "cannot read the TLS certificate files",
        OperationCanceledException => "timed out",
        AuthenticationException a => $"TLS handshake failed: {a.Message}",
        CryptographicException => "cannot read the TLS certificate files",
        _ => ex.GetType().Name,
    };
}
