using System.Net;
using System.Net.Sockets;
using System.Text;
using Gatehouse.Export.Sinks;
using Gatehouse.Export.Transports;
using Gatehouse.Export.Transports.Syslog;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>The running gateway exporting CEF over syslog TCP to a receiver on loopback: the SIEM path end to end.</summary>
public sealed class SyslogExportTests : GatewayTest
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<string> _messages = [];
    private Task? _accepting;

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        _listener.Start();
        _accepting = AcceptAsync();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        var syslog = new SyslogOptions { Host = "127.0.0.1", Port = port, Protocol = SyslogProtocol.Tcp };
        return config with
        {
            Export = new ExportConfig
            {
                Sinks = [new ExportSinkConfig { Name = "siem", Format = ExportFormat.Cef, Transport = new NetworkTransportConfig(new NetworkTransportOptions { Syslog = syslog }) }],
            },
        };
    }

    protected override void CleanUp() => _listener.Stop();

    [Fact]
    public async Task Exchange_ReachesTheSyslogReceiverAsCef_WithItsSequenceAndNoPrompt()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("served"));
        var client = Gateway.Client(Gateway.Token("olga", "dev"));
        using var response = await client.PostAsync("openai/v1/chat/completions",
            new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"a private question"}]}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var messages = await WaitForAsync(2);

        // RFC 5424 header, then the CEF event: the intent (seq 1) and the outcome (seq 2), in order.
        Assert.StartsWith("<", messages[0], StringComparison.Ordinal);
        Assert.Contains(" exchange.intent ", messages[0], StringComparison.Ordinal);
        Assert.Contains("[gatehouse@32473 seq=\"1\"]", messages[0], StringComparison.Ordinal);
        Assert.Contains("CEF:0|Gatehouse|Gatehouse|", messages[0], StringComparison.Ordinal);
        Assert.Contains("suser=olga", messages[0], StringComparison.Ordinal);
        Assert.Contains("[gatehouse@32473 seq=\"2\"]", messages[1], StringComparison.Ordinal);
        Assert.DoesNotContain(messages, m => m.Contains("private question", StringComparison.Ordinal));
    }

    private Task<List<string>> WaitForAsync(int count)
        => Eventually.ValueAsync(
            () =>
            {
                lock (_messages)
                {
                    return Task.FromResult<List<string>?>(_messages.Count >= count ? [.. _messages] : null);
                }
            },
            $"{count} messages at the syslog receiver");

    /// <summary>Reads RFC 6587 octet-counted frames ("LEN SP MSG") from every connection.</summary>
    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptTcpClientAsync();
                _ = ReadFramesAsync(socket);
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped.
        }
    }

    private async Task ReadFramesAsync(TcpClient socket)
    {
        using var _ = socket;
        using var reader = new BinaryReader(socket.GetStream(), Encoding.UTF8);
        try
        {
            while (true)
            {
                var length = new StringBuilder();
                char c;
                while ((c = (char)reader.ReadByte()) != ' ')
                {
                    length.Append(c);
                }

                var bytes = reader.ReadBytes(int.Parse(length.ToString(), System.Globalization.CultureInfo.InvariantCulture));
                lock (_messages)
                {
                    _messages.Add(Encoding.UTF8.GetString(bytes));
                }
            }
        }
        catch (Exception error) when (error is IOException or EndOfStreamException or ObjectDisposedException)
        {
            // The gateway closed the connection.
        }

        await Task.CompletedTask;
    }
}
