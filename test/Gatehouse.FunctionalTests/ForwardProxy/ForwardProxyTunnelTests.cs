using System.Net.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Testing;

namespace Gatehouse.FunctionalTests.ForwardProxy;

/// <summary>
/// A tunnelled host gets its bytes copied blind and the tunnel audited as metadata. The echo server is on loopback,
/// which the proxy refuses unless <c>proxy.allowPrivateTargets</c> (test-only) is on, as it is here; the refusal with it
/// off is tested in <see cref="ForwardProxyRefusalTests"/>.
/// </summary>
public sealed class ForwardProxyTunnelTests : GatewayTest
{
    private TlsEchoServer _echo = null!;

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        _echo = new TlsEchoServer();
        return config with
        {
            Proxy = new ProxyConfig { Listen = "http://127.0.0.1:0", Tunnel = ["localhost"], Ports = [_echo.Port], AllowPrivateTargets = true },
        };
    }

    protected override void CleanUp() => _echo.Dispose();

    [Fact]
    public async Task Tunnel_ToATlsEchoServer_PassesBytesUnchangedAndAuditsMetadata()
    {
        var payload = RandomNumberGenerator.GetBytes(100_000);
        var target = $"localhost:{_echo.Port}";
        await using var stream = await ProxyClients.ConnectAsync(Gateway.ProxyUri!, $"CONNECT {target} HTTP/1.1\nHost: {target}\n{ProxyClients.Basic(Gateway.Token("tess", "dev"))}");
        var head = await ProxyClients.ReadHeadAsync(stream);
        Assert.StartsWith("HTTP/1.1 200 ", head, StringComparison.Ordinal);

        var echoed = new byte[payload.Length];
        await using (var tls = new SslStream(stream, leaveInnerStreamOpen: true, (_, certificate, _, _) => certificate?.GetCertHashString() == _echo.Certificate.GetCertHashString()))
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, TestContext.Current.CancellationToken);
            var writing = tls.WriteAsync(payload, TestContext.Current.CancellationToken).AsTask();
            await tls.ReadExactlyAsync(echoed, TestContext.Current.CancellationToken);
            await writing;
        }

        stream.Close();
        Assert.Equal(payload, echoed);

        await using var store = Gateway.OpenStore();
        var entries = await Eventually.ValueAsync(
            async () =>
            {
                var all = new List<Gatehouse.Audit.Chain.AuditEntry>();
                await foreach (var entry in store.ReadAllAsync(CancellationToken.None))
                {
                    all.Add(entry);
                }

                return all.Any(e => e.Kind == "proxy.tunnel.closed") ? all : null;
            },
            "the tunnel's closing in the audit");
        var opened = Assert.Single(entries, e => e.Kind == "proxy.tunnel.opened");
        var closed = JsonDocument.Parse(Assert.Single(entries, e => e.Kind == "proxy.tunnel.closed").Payload).RootElement;
        Assert.Equal(opened.ExchangeId, closed.GetProperty("tunnelId").GetString());
        Assert.Equal("localhost", closed.GetProperty("host").GetString());
        Assert.Equal("tess", closed.GetProperty("subject").GetString());
        Assert.Equal("tunnel", closed.GetProperty("route").GetString());

        // The TLS records around the payload add some bytes each way, never fewer than the payload itself.
        Assert.InRange(closed.GetProperty("bytesUp").GetInt64(), payload.Length, payload.Length + 16_384);
        Assert.InRange(closed.GetProperty("bytesDown").GetInt64(), payload.Length, payload.Length + 16_384);
        Assert.True(closed.GetProperty("durationSeconds").GetDouble() >= 0);
        Assert.DoesNotContain(Encoding.Latin1.GetString(payload[..64]), Encoding.Latin1.GetString(closed.GetRawText().Select(c => (byte)c).ToArray()), StringComparison.Ordinal);
    }
}
