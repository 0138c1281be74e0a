using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Gatehouse.Export.Transports.Syslog;

/// <summary>One open TCP or TLS connection to a syslog receiver, watching for the receiver closing it.</summary>
internal sealed class SyslogConnection : IAsyncDisposable
{
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(100);

    private readonly Socket _socket;
    private readonly Task _closed;

    private SyslogConnection(Socket socket, Stream stream)
    {
        _socket = socket;
        Stream = stream;
        _closed = WatchAsync(stream);
    }

    public Stream Stream { get; }

    /// <summary>Returns whether the receiver closed or reset the connection, so it is replaced instead of written into.</summary>
    /// <remarks>
    /// The watching read completes asynchronously, so a FIN that has just arrived may not have ended it yet. A readable
    /// socket means something arrived (a FIN, a reset, a TLS alert or session ticket): the watcher is given a moment
    /// to consume it and tell which. A live connection is not readable, so this costs nothing on the usual path.
    /// </remarks>
    public async ValueTask<bool> IsClosedByPeerAsync(TimeProvider time)
    {
        if (_closed.IsCompleted)
        {
            return true;
        }

        bool readable;
        try
        {
            readable = _socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return true;
        }

        if (readable)
        {
            await Task.WhenAny(_closed, Task.Delay(SettleTime, time));
        }

        return _closed.IsCompleted;
    }

    public static async Task<SyslogConnection> OpenAsync(SyslogOptions options, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host, options.EffectivePort, cancellationToken);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Protocol == SyslogProtocol.Tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(SyslogTlsAuthentication.Create(options.Tls, options.Host), cancellationToken);
            }

            return new SyslogConnection(socket, stream);
        }
        catch
        {
            // Whatever failed (DNS, refusal, handshake), the half-open socket must not leak.
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        _socket.Dispose();
        await _closed;
    }

    // A syslog receiver never sends application data, so the one pending read ends only when the receiver closes
    // (0 bytes, or a TLS close_notify) or resets the connection. TLS records such as session tickets are consumed by
    // SslStream inside the read. Anything a receiver does send is discarded.
    private static async Task WatchAsync(Stream stream)
    {
        var buffer = new byte[256];
        try
        {
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or AuthenticationException)
        {
            // Reset or disposed: either way the connection is over.
        }
    }
}
