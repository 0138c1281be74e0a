using System.Net;
using System.Net.Sockets;
using System.Text;
using Gatehouse.Export.Transports;
using Gatehouse.Export.Transports.Syslog;
using Gatehouse.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gatehouse.Export.Tests.Transports.Syslog;

public sealed class SyslogUdpTransportTests
{
    private static IExportTransport Create(int port, int maxDatagramBytes = 2048)
        => NetworkTransports.CreateSyslog(
            new SyslogOptions
            {
                Host = "127.0.0.1",
                Port = port,
                Protocol = SyslogProtocol.Udp,
                Hostname = "gw-1",
                MaxDatagramBytes = maxDatagramBytes,
            },
            TimeProvider.System,
            NullLogger.Instance);

    private static async Task<List<byte[]>> ReceiveAsync(UdpClient receiver, int count)
    {
        using var cts = new CancellationTokenSource(Eventually.DefaultTimeout);
        var datagrams = new List<byte[]>();
        while (datagrams.Count < count)
        {
            datagrams.Add((await receiver.ReceiveAsync(cts.Token)).Buffer);
        }

        return datagrams;
    }

    [Fact]
    public async Task Deliver_Batch_SendsOneRfc5424DatagramPerEvent()
    {
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await using var transport = Create(((IPEndPoint)receiver.Client.LocalEndPoint!).Port);
        var batch = TestEvents.JsonBatch(7, 3);

        await transport.DeliverAsync(batch, TestContext.Current.CancellationToken);

        var messages = (await ReceiveAsync(receiver, 3)).Select(Rfc5424Message.Parse).ToList();
        Assert.Equal([7L, 8, 9], messages.Select(m => m.Sequence));
        Assert.All(messages, m => Assert.Equal((13 * 8) + 6, m.Priority));
        Assert.Equal(batch.Select(TestEvents.PayloadText), messages.Select(m => m.Msg));
    }

    [Fact]
    public async Task Deliver_MessageLongerThanLimit_CutsMsgAtCharacterBoundaryAndKeepsSequence()
    {
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await using var transport = Create(((IPEndPoint)receiver.Client.LocalEndPoint!).Port, maxDatagramBytes: 480);
        var payload = string.Concat(Enumerable.Repeat("é☕x", 300));

        await transport.DeliverAsync([TestEvents.Text(41, payload)], TestContext.Current.CancellationToken);

        var datagram = (await ReceiveAsync(receiver, 1))[0];
        Assert.InRange(datagram.Length, 477, 480);
        var message = Rfc5424Message.Parse(datagram);
        Assert.Equal(41, message.Sequence);
        Assert.StartsWith(message.Msg!, payload, StringComparison.Ordinal);
        Assert.Equal(datagram.Length, Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(datagram)));
    }

    [Fact]
    public async Task Deliver_NobodyListening_ReportsTheRefusalOnALaterSend()
    {
        // A socket connected elsewhere takes no datagram from the transport, so the kernel answers port-unreachable;
        // unlike a port that was closed after use, it cannot be taken by another socket during the test.
        using var parked = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        parked.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        parked.Connect(new IPEndPoint(IPAddress.Loopback, 9));
        var port = ((IPEndPoint)parked.LocalEndPoint!).Port;

        await using var transport = Create(port);

        // The first datagram leaves without complaint; the ICMP port-unreachable it causes fails a later send.
        var sent = 0;
        var error = await Eventually.ValueAsync(
            async () =>
            {
                try
                {
                    await transport.DeliverAsync([TestEvents.Json(++sent)], TestContext.Current.CancellationToken);
                    return null;
                }
                catch (ExportDeliveryException ex)
                {
                    return ex;
                }
            },
            "a send to fail with the receiver's refusal");

        Assert.Equal($"syslog udp://127.0.0.1:{port}: send failed (ConnectionRefused)", error.Message);
    }
}
