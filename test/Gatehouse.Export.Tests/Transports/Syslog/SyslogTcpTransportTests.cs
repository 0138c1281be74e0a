using Gatehouse.Export.Transports;
using Gatehouse.Export.Transports.Syslog;
using Gatehouse.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gatehouse.Export.Tests.Transports.Syslog;

public sealed class SyslogTcpTransportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gatehouse-syslog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IExportTransport Create(int port, SyslogProtocol protocol = SyslogProtocol.Tcp, SyslogTlsOptions? tls = null)
        => NetworkTransports.CreateSyslog(
            new SyslogOptions
            {
                Host = "127.0.0.1",
                Port = port,
                Protocol = protocol,
                Facility = 10,
                Hostname = "gw-1",
                ProcessId = "4242",
                // A TLS handshake on a loaded machine can take seconds; no test here is about the time-out.
                ConnectTimeout = Eventually.DefaultTimeout,
                Tls = tls ?? new SyslogTlsOptions(),
            },
            TimeProvider.System,
            NullLogger.Instance);

    [Fact]
    public async Task Deliver_Batch_ReceiverReadsOctetCountedRfc5424Messages()
    {
        await using var receiver = new SyslogTcpReceiver();
        receiver.Start();
        await using var transport = Create(receiver.Port);
        List<ExportEvent> batch =
        [
            TestEvents.Json(1),
            TestEvents.Text(2, "CEF:0|Gatehouse|Gatehouse|1.0|deny|Exchange denied|5|suser=zoë msg=a\\=b"),
            TestEvents.Json(3, "approval.review", ExportSeverity.Warning),
            TestEvents.Json(4, "audit.failure", ExportSeverity.Error),
            TestEvents.Text(5, "12 <13>1 a payload that looks like a frame\nwith a line break"),
        ];

        await transport.DeliverAsync(batch, TestContext.Current.CancellationToken);

        var messages = await receiver.ReadAsync(5);
        Assert.Equal([1L, 2, 3, 4, 5], messages.Select(m => m.Sequence));
        Assert.Equal([6, 5, 4, 3, 5], messages.Select(m => m.Severity));
        Assert.All(messages, m => Assert.Equal(10, m.Facility));
        Assert.Equal(batch.Select(e => e.Time), messages.Select(m => m.Timestamp));
        Assert.Equal(batch.Select(e => e.Kind), messages.Select(m => m.MsgId));
        Assert.Equal(batch.Select(TestEvents.PayloadText), messages.Select(m => m.Msg));
        Assert.All(messages, m => Assert.Equal(("gw-1", "gatehouse", "4242"), (m.Hostname, m.AppName, m.ProcId)));
        Assert.Equal(1, receiver.Connections);
    }

    [Fact]
    public async Task Deliver_SeveralBatches_ReusesOneConnection()
    {
        await using var receiver = new SyslogTcpReceiver();
        receiver.Start();
        await using var transport = Create(receiver.Port);

        await transport.DeliverAsync(TestEvents.JsonBatch(1, 3), TestContext.Current.CancellationToken);
        await transport.DeliverAsync(TestEvents.JsonBatch(4, 3), TestContext.Current.CancellationToken);

        Assert.Equal([1L, 2, 3, 4, 5, 6], (await receiver.ReadAsync(6)).Select(m => m.Sequence));
        Assert.Equal(1, receiver.Connections);
    }

    [Fact]
    public async Task Deliver_ReceiverResetsMidBatch_ThrowsThenRedeliversOnNewConnection()
    {
        await using var receiver = new SyslogTcpReceiver { ResetAfter = 10 };
        receiver.Start();
        await using var transport = Create(receiver.Port);

        // 32 MB, more than both sides' socket buffers, so the reset lands while the batch is still being written.
        var batch = TestEvents.LargeBatch(4_000, 8_000);
        var error = await Assert.ThrowsAsync<ExportDeliveryException>(
            async () => await transport.DeliverAsync(batch, TestContext.Current.CancellationToken));
        Assert.Contains($"syslog tcp://127.0.0.1:{receiver.Port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxx", error.Message, StringComparison.Ordinal);
        var partial = await receiver.ReadAsync(10);

        await transport.DeliverAsync(batch, TestContext.Current.CancellationToken);

        var redelivered = await receiver.ReadAsync(batch.Count);
        Assert.Equal(batch.Select(e => e.Sequence), redelivered.Select(m => m.Sequence));
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8, 9, 10], partial.Select(m => m.Sequence));
        Assert.Equal(2, receiver.Connections);
    }

    [Fact]
    public async Task Deliver_ReceiverDownThenBack_ThrowsThenReconnects()
    {
        await using var receiver = new SyslogTcpReceiver();
        receiver.Start();
        await using var transport = Create(receiver.Port);
        await transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken);
        await receiver.ReadAsync(1);

        await receiver.StopAsync();
        var error = await Assert.ThrowsAsync<ExportDeliveryException>(
            async () => await transport.DeliverAsync([TestEvents.Json(2)], TestContext.Current.CancellationToken));
        Assert.Contains("cannot connect", error.Message, StringComparison.Ordinal);

        receiver.Start();
        await transport.DeliverAsync([TestEvents.Json(2)], TestContext.Current.CancellationToken);

        Assert.Equal(2, (await receiver.ReadAsync(1))[0].Sequence);
        Assert.Equal(2, receiver.Connections);
    }

    [Fact]
    public async Task Deliver_TlsWithCaFile_TrustsSelfSignedReceiver()
    {
        var certificate = TestCertificates.SelfSignedServer();
        var caFile = TestCertificates.WritePem(certificate, _dir);
        await using var receiver = new SyslogTcpReceiver(certificate);
        receiver.Start();
        await using var transport = Create(receiver.Port, SyslogProtocol.Tls, new SyslogTlsOptions { ServerName = "localhost", CaFile = caFile });

        await transport.DeliverAsync(TestEvents.JsonBatch(1, 5), TestContext.Current.CancellationToken);

        var messages = await receiver.ReadAsync(5);
        Assert.Equal([1L, 2, 3, 4, 5], messages.Select(m => m.Sequence));
    }

    [Fact]
    public async Task Deliver_TlsWithoutTrustedCa_RefusesTheReceiver()
    {
        await using var receiver = new SyslogTcpReceiver(TestCertificates.SelfSignedServer());
        receiver.Start();
        await using var transport = Create(receiver.Port, SyslogProtocol.Tls, new SyslogTlsOptions { ServerName = "localhost" });

        var error = await Assert.ThrowsAsync<ExportDeliveryException>(
            async () => await transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken));

        Assert.Contains("TLS handshake failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, receiver.Messages.Reader.Count);
    }

    [Theory]
    [InlineData(SyslogProtocol.Tcp)]
    [InlineData(SyslogProtocol.Tls)]
    public async Task Deliver_ReceiverClosedConnection_NextBatchArrivesOnNewConnection(SyslogProtocol protocol)
    {
        var certificate = TestCertificates.SelfSignedServer();
        var caFile = TestCertificates.WritePem(certificate, _dir);
        await using var receiver = new SyslogTcpReceiver(protocol == SyslogProtocol.Tls ? certificate : null);
        receiver.Start();
        await using var transport = Create(receiver.Port, protocol, new SyslogTlsOptions { ServerName = "localhost", CaFile = caFile });
        await transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken);
        await receiver.ReadAsync(1);

        await receiver.CloseConnectionsAsync();
        await transport.DeliverAsync(TestEvents.JsonBatch(2, 3), TestContext.Current.CancellationToken);

        Assert.Equal([2L, 3, 4], (await receiver.ReadAsync(3)).Select(m => m.Sequence));
        Assert.Equal(2, receiver.Connections);
    }

    [Fact]
    public async Task Deliver_TlsReceiverRequiringClientCertificate_GetsTheConfiguredOne()
    {
        var server = TestCertificates.SelfSignedServer();
        var caFile = TestCertificates.WritePem(server, _dir);
        using var client = TestCertificates.SelfSignedServer("CN=gatehouse-exporter", client: true);
        var (certificateFile, keyFile) = TestCertificates.WritePemWithKey(client, _dir);
        await using var receiver = new SyslogTcpReceiver(server) { RequiredClientCertificate = client };
        receiver.Start();
        await using var transport = Create(receiver.Port, SyslogProtocol.Tls, new SyslogTlsOptions
        {
            ServerName = "localhost",
            CaFile = caFile,
            ClientCertificateFile = certificateFile,
            ClientKeyFile = keyFile,
        });

        await transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken);

        Assert.Equal(1, (await receiver.ReadAsync(1))[0].Sequence);
        Assert.Equal([client.GetCertHashString()], receiver.ClientCertificates);
    }
}
