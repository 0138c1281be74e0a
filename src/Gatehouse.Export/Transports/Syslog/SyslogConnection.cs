using System.Net.Security;
using System.Net.Sockets;

namespace Gatehouse.Export.Transports.Syslog;

/// <summary>One open TCP or TLS connection to a syslog receiver.</summary>
internal sealed class SyslogConnection : IAsyncDisposable
{
    private readonly Socket _socket;

    private SyslogConnection(Socket socket, Stream stream)
    {
        _socket = socket;
        Stream = stream;
    }

    public Stream Stream { get; }

    /// <summary>
    /// Gets whether the receiver has closed its side: a syslog receiver never sends, so a readable socket with nothing
    /// to read is a FIN. Checked before each batch so a dead connection is replaced instead of written into.
    /// </summary>
    public bool IsClosedByPeer
    {
        get
        {
            try
            {
                return _socket.Poll(0, SelectMode.SelectRead) && _socket.Available == 0;
            }
            catch (SocketException)
            {
                return true;
            }
            catch (ObjectDisposedException)
            {
                return true;
            }
        }
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
    }
}
