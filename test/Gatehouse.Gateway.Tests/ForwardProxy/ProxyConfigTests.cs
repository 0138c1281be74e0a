using System.Collections;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.ForwardProxy.Certificates;

namespace Gatehouse.Gateway.Tests.ForwardProxy;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProxyConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatehouse-proxy-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_WithoutTheSection_HasNoProxy()
        => Assert.Null(Load("").Config!.Proxy);

    [Fact]
    public void Load_FullSection_BindsItAndTheDefaults()
    {
        var (cert, key) = WriteCa();
        var result = Load($$"""
            proxy:
              listen: http://0.0.0.0:3128
              intercept:
                - { host: '*.githubcopilot.com', connection: copilot }
              tunnel: [github.com, api.github.com]
              ca: { cert: {{cert}}, key: {{key}} }
            """);

        Assert.True(result.Success, result.FormatErrors());
        var proxy = result.Config!.Proxy!;
        Assert.Equal("http://0.0.0.0:3128", proxy.Listen);
        Assert.Equal("copilot", Assert.Single(proxy.Intercept).Connection);
        Assert.Equal(["github.com", "api.github.com"], proxy.Tunnel);
        Assert.Equal([443], proxy.Ports);
        Assert.Equal(ProxyDefault.Refuse, proxy.Default);
        Assert.Equal(TimeSpan.FromHours(24), proxy.LeafLifetime);
        Assert.False(proxy.AllowPrivateTargets);
        Assert.True(result.Config.Connections.Single(c => c.Name == "copilot").CredentialPassthrough);
    }

    [Fact]
    public void Load_BadValues_AreEachReportedWithTheirPath()
    {
        var result = Load("""
            proxy:
              listen: https://0.0.0.0:8080
              intercept:
                - { host: 'api..openai.com', connection: nowhere }
              tunnel: ['bad host']
              default: allow
              ports: [443, 70000]
              wide: open
            """);

        var errors = result.FormatErrors();
        Assert.False(result.Success);
        foreach (var path in new[] { "proxy.listen", "proxy.intercept[0].host", "proxy.intercept[0].connection", "proxy.tunnel[0]", "proxy.default",
            "proxy.ports[1]", "proxy.ca.cert", "proxy.ca.key", "proxy.wide" })
        {
            Assert.Contains(path + ":", errors, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_ACaKeyOthersCanRead_IsRefusedWithTheFix()
    {
        var (cert, key) = WriteCa();
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var result = Load($"proxy:\n  listen: http://127.0.0.1:3128\n  intercept: [{{ host: api.openai.com, connection: copilot }}]\n  ca: {{ cert: {cert}, key: {key} }}\n");

        Assert.False(result.Success);
        Assert.Contains("proxy.ca.key:", result.FormatErrors(), StringComparison.Ordinal);
        Assert.Contains("chmod 600", result.FormatErrors(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ProxyOnTheGatewaysPort_IsRefused()
    {
        var result = Load("server:\n  urls: [http://127.0.0.1:8080]\nproxy:\n  listen: http://127.0.0.1:8080\n");

        Assert.Contains("proxy.listen: port 8080 is also in server.urls", result.FormatErrors(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CredentialAsAnotherWord_IsRefused()
    {
        var result = Load("", credential: "forward");

        Assert.Contains("connections[0].credential:", result.FormatErrors(), StringComparison.Ordinal);
    }

    private (string Cert, string Key) WriteCa()
    {
        var (certificate, key) = CaFactory.Create("Test CA", TimeProvider.System.GetUtcNow(), TimeSpan.FromDays(30));
        var (certPath, keyPath) = (Path.Combine(_folder, "ca.crt"), Path.Combine(_folder, "ca.key"));
        File.WriteAllText(certPath, certificate);
        File.WriteAllText(keyPath, key);
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return (certPath, keyPath);
    }

    private ConfigLoadResult Load(string section, string credential = "passthrough")
    {
        var path = Path.Combine(_folder, "gatehouse.yaml");
        File.WriteAllText(path, $"""
            connections:
              - name: copilot
                kind: openai
                upstream: https://api.individual.githubcopilot.com
                credential: {credential}

            """ + section);
        return GatehouseConfigLoader.Load(path, new Hashtable());
    }
}
