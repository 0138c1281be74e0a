using System.Collections;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Tests.Configuration;

/// <summary><c>server.tls</c> and <c>agents</c>: mutual TLS for agents is refused at start-up unless it can work.</summary>
public sealed class TlsAndAgentsConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatehouse-tls-").FullName;

    private string Certificate => Path.Combine(_folder, "gateway.crt");

    private string Key => Path.Combine(_folder, "gateway.key");

    private string Ca => Path.Combine(_folder, "agents-ca.pem");

    public TlsAndAgentsConfigTests()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=gateway", key, HashAlgorithmName.SHA256);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        File.WriteAllText(Certificate, certificate.ExportCertificatePem());
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = new CertificateRequest("CN=agents", caKey, HashAlgorithmName.SHA256).CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        File.WriteAllText(Ca, ca.ExportCertificatePem());
        File.WriteAllText(Key, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_HttpsWithTlsAndAgentsCa_BindsBoth()
    {
        var result = Load($"server:\n  urls: [https://127.0.0.1:8443]\n  tls: {{certificateFile: {Certificate}, keyFile: {Key}}}\nagents:\n  requireClientCertificate: true\n  clientCaFile: {Ca}\n");

        Assert.True(result.Success, result.FormatErrors());
        Assert.Equal(new ServerTlsConfig { CertificateFile = Certificate, KeyFile = Key }, result.Config!.Server.Tls);
        Assert.Equal(new AgentsConfig { RequireClientCertificate = true, ClientCaFile = Ca }, result.Config.Agents);
    }

    [Fact]
    public void Load_NoAgentsSection_RequiresNoCertificate()
    {
        var result = Load("server:\n  urls: [http://127.0.0.1:8080]\n");

        Assert.True(result.Success, result.FormatErrors());
        Assert.False(result.Config!.Agents.RequireClientCertificate);
        Assert.Null(result.Config.Server.Tls);
    }

    [Theory]
    [InlineData("server:\n  urls: [https://127.0.0.1:8443]\n", "server.urls[0]", "server.tls.certificateFile")]
    [InlineData("server:\n  urls: [https://127.0.0.1:8443]\n  tls: {certificateFile: @CERT@}\n", "server.tls.keyFile", "required")]
    [InlineData("server:\n  urls: [https://127.0.0.1:8443]\n  tls: {certificateFile: @CERT@, keyFile: /nonexistent/k.pem}\n", "server.tls.keyFile", "does not exist")]
    [InlineData("server:\n  urls: [https://127.0.0.1:8443]\n  tls: {certificateFile: @CA@, keyFile: @KEY@}\n", "server.tls.certificateFile", "do not load")]
    [InlineData("agents:\n  requireClientCertificate: true\n  clientCaFile: @CA@\n", "agents.requireClientCertificate", "server.tls")]
    [InlineData("server:\n  urls: [https://127.0.0.1:8443]\n  tls: {certificateFile: @CERT@, keyFile: @KEY@}\nagents:\n  requireClientCertificate: true\n", "agents.clientCaFile", "required")]
    [InlineData("server:\n  urls: [https://127.0.0.1:8443]\n  tls: {certificateFile: @CERT@, keyFile: @KEY@}\nagents:\n  requireClientCertificate: true\n  clientCaFile: @KEY@\n", "agents.clientCaFile", "no PEM certificate")]
    [InlineData("agents:\n  clientCaFile: @CA@\n", "agents.clientCaFile", "requireClientCertificate")]
    [InlineData("agents:\n  requireClientCertificates: true\n", "agents.requireClientCertificates", "")]
    public void Load_TlsOrAgentsThatCannotWork_ReportsThePathAndWhy(string yaml, string path, string why)
    {
        var result = Load(yaml.Replace("@CERT@", Certificate, StringComparison.Ordinal)
            .Replace("@KEY@", Key, StringComparison.Ordinal).Replace("@CA@", Ca, StringComparison.Ordinal));

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_KeyFileOthersCanRead_RefusedWithTheFix()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "On Windows the folder's ACL guards key files, not a mode.");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        }

        var result = Load($"server:\n  urls: [https://127.0.0.1:8443]\n  tls: {{certificateFile: {Certificate}, keyFile: {Key}}}\n");

        Assert.Contains(result.Errors, e => e.Path == "server.tls.keyFile" && e.Message.Contains("chmod 600", StringComparison.Ordinal));
    }

    private ConfigLoadResult Load(string yaml)
    {
        var path = Path.Combine(_folder, "gatehouse.yaml");
        File.WriteAllText(path, yaml);
        return GatehouseConfigLoader.Load(path, new Hashtable());
    }
}
