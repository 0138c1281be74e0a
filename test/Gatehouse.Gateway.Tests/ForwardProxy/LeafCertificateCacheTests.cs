using System.Security.Cryptography.X509Certificates;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.ForwardProxy.Certificates;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Gateway.Tests.ForwardProxy;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LeafCertificateCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatehouse-ca-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ProxyCaConfig _files;

    public LeafCertificateCacheTests()
    {
        var (certificate, key) = CaFactory.Create("Test CA", _time.GetUtcNow(), TimeSpan.FromDays(365));
        _files = new ProxyCaConfig { Cert = Path.Combine(_folder, "ca.crt"), Key = Path.Combine(_folder, "ca.key") };
        File.WriteAllText(_files.Cert, certificate);
        File.WriteAllText(_files.Key, key);
        File.SetUnixFileMode(_files.Key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void For_AHost_IssuesALeafThatNamesItAndChainsToTheCa()
    {
        using var cache = Cache();

        var leaf = cache.For("api.individual.githubcopilot.com").TargetCertificate;

        Assert.Equal("CN=api.individual.githubcopilot.com", leaf.Subject);
        Assert.Equal("api.individual.githubcopilot.com", leaf.GetNameInfo(X509NameType.DnsName, forIssuer: false));
        Assert.True(leaf.MatchesHostname("api.individual.githubcopilot.com"));
        Assert.False(leaf.MatchesHostname("evil.example.com"));
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(_files.Cert));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        Assert.True(chain.Build(leaf), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal(ca.Thumbprint, chain.ChainElements[^1].Certificate.Thumbprint);
        Assert.Equal(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(5), leaf.NotAfter - leaf.NotBefore);
    }

    [Fact]
    public void For_TheSameHostAgain_ReusesTheLeafUntilATermIsLeft_ThenRenewsIt()
    {
        using var cache = Cache();
        var first = cache.For("api.openai.com");

        _time.Advance(TimeSpan.FromHours(15));
        Assert.Same(first, cache.For("API.openai.com"));
        Assert.Equal(1, cache.Issued);

        // Less than a third of the 24 h lifetime is left after 16 h: the next handshake gets a fresh leaf.
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var renewed = cache.For("api.openai.com");
        Assert.NotSame(first, renewed);
        Assert.Equal(2, cache.Issued);
        Assert.True(renewed.TargetCertificate.NotAfter > first.TargetCertificate.NotAfter);
    }

    [Fact]
    public void For_TwoHosts_IssuesOneLeafEach()
    {
        using var cache = Cache();

        var a = cache.For("api.openai.com");
        var b = cache.For("api.anthropic.com");

        Assert.NotEqual(a.TargetCertificate.Thumbprint, b.TargetCertificate.Thumbprint);
        Assert.Equal(2, cache.Issued);
    }

    private LeafCertificateCache Cache()
    {
        var ca = OrganisationCa.TryLoad(_files, _time, out var problem);
        Assert.Null(problem);
        return new LeafCertificateCache(ca, new ProxyConfig { Listen = "http://127.0.0.1:3128" }, _time);
    }
}
