using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Gatehouse.Testing;

namespace Gatehouse.Export.Tests.Transports.Syslog;

/// <summary>
/// A loopback syslog receiver for TCP (RFC 6587 octet counting) and, given a certificate, TLS (RFC 5425). It can be
/// stopped and started again on the same port, and can reset a connection after reading a given number of messages.
/// </summary>
internal sealed class SyslogTcpReceiver : IAsyncDisposable
{
    private readonly X509Certificate2? _certificate;
    private readonly List<Socket> _clients = [];
    private TcpListener? _listener;
    private Socket? _parked;
    private CancellationTokenSource? _stop;
    private Task? _acceptLoop;

    public SyslogTcpReceiver(X509Certificate2? certificate = null) => _certificate = certificate;

    public int Port { get; private set; }

    public Channel<byte[]> Messages { get; } = Channel.CreateUnbounded<byte[]>();

    /// <summary>Gets or sets how many messages the next connection may deliver before the receiver resets it.</summary>
    public int? ResetAfter { get; set; }

    public int Connections { get; private set; }

    /// <summary>Gets or sets the client certificate the receiver requires over TLS, or null to ask for none.</summary>
    public X509Certificate2? RequiredClientCertificate { get; set; }

    /// <summary>Gets the thumbprints of the client certificates presented.</summary>
    public List<string> ClientCertificates { get; } = [];

    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _parked?.Dispose();
        _parked = null;
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _stop = new CancellationTokenSource();
        _acceptLoop = AcceptAsync(_listener, _stop.Token);
    }

    public async Task StopAsync()
    {
        if (_listener is null)
        {
            return;
        }

        await _stop!.CancelAsync();

        // While stopped, the port stays bound (never listening, so connections are refused): no other socket can
        // take it before the receiver starts again there.
        _parked = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _parked.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _parked.Bind(new IPEndPoint(IPAddress.Loopback, Port));
        _listener.Stop();
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
        }

        await _acceptLoop!;
        _listener = null;
    }

    /// <summary>Closes every open connection gracefully (FIN, and close_notify over TLS) and keeps listening.</summary>
    public async Task CloseConnectionsAsync()
    {
        Socket[] open;
        lock (_clients)
        {
            open = [.. _clients];
            _clients.Clear();
        }

        var senders = open.Select(c => (IPEndPoint)c.RemoteEndPoint!).ToList();
        foreach (var client in open)
        {
            client.Shutdown(SocketShutdown.Both);
            client.Dispose();
        }

        // The test's next batch must find the connection closed: wait until the FIN has reached the sender's socket.
        await Eventually.UntilAsync(() => senders.All(SenderSawTheClose), "the sender to receive the receiver's FIN");
    }

    public async Task<List<Rfc5424Message>> ReadAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Eventually.DefaultTimeout);
        var messages = new List<Rfc5424Message>(count);
        while (messages.Count < count)
        {
            messages.Add(Rfc5424Message.Parse(await Messages.Reader.ReadAsync(cts.Token)));
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _parked?.Dispose();
        _certificate?.Dispose();
    }

    private bool SenderSawTheClose(IPEndPoint sender)
    {
        var connection = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .FirstOrDefault(c => c.LocalEndPoint.Equals(sender) && c.RemoteEndPoint.Port == Port);
        return connection is null || connection.State != TcpState.Established;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        var readers = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stop);
                lock (_clients)
                {
                    _clients.Add(socket);
                }

                Connections++;
                var resetAfter = ResetAfter;
                ResetAfter = null;
                readers.Add(ReadFramesAsync(socket, resetAfter, stop));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(readers);
    }

    private async Task ReadFramesAsync(Socket socket, int? resetAfter, CancellationToken stop)
    {
        try
        {
            Stream stream = new NetworkStream(socket, ownsSocket: false);
            if (_certificate is not null)
            {
                var ssl = new SslStream(stream);
                var required = RequiredClientCertificate;
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    ClientCertificateRequired = required is not null,
                    RemoteCertificateValidationCallback = (_, presented, _, _) =>
                        required is null || presented?.GetCertHashString() == required.GetCertHashString(),
                }, stop);
                if (ssl.RemoteCertificate is { } client)
                {
                    ClientCertificates.Add(client.GetCertHashString());
                }

                stream = ssl;
            }

            var buffered = new BufferedStream(stream, 64 * 1024);
            for (var read = 0; ; read++)
            {
                if (read == resetAfter)
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                    return;
                }

                var length = await ReadLengthAsync(buffered, stop);
                if (length is null)
                {
                    return;
                }

                var message = new byte[length.Value];
                await buffered.ReadExactlyAsync(message, stop);
                await Messages.Writer.WriteAsync(message, stop);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException
            or System.Security.Authentication.AuthenticationException)
        {
            // The connection ended: by the sender, by the test, or in a refused handshake.
        }
        catch (Xunit.Sdk.XunitException framingError)
        {
            Messages.Writer.TryComplete(framingError);
        }
    }

    // MSG-LEN SP: digits without a leading zero, then one space (RFC 6587 section 3.4.1).
    private static async Task<int?> ReadLengthAsync(Stream stream, CancellationToken stop)
    {
        var digits = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, stop) == 0)
            {
                Assert.Empty(digits);
                return null;
            }

            if (one[0] == (byte)' ')
            {
                break;
            }

            Assert.InRange(one[0], (byte)'0', (byte)'9');
            Assert.False(digits.Count == 0 && one[0] == (byte)'0', "MSG-LEN has no leading zero");
            digits.Add(one[0]);
        }

        return int.Parse(System.Text.Encoding.ASCII.GetString([.. digits]), CultureInfo.InvariantCulture);
    }
}
