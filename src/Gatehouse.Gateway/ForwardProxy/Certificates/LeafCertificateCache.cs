using System.Collections.Concurrent;
using System.Net.Security;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.ForwardProxy.Certificates;

/// <summary>The intercepted hosts' server certificates: issued on first use, reused, and renewed before they expire.</summary>
/// <remarks>
/// A leaf is renewed once less than a third of its lifetime is left, so a handshake never gets one about to expire.
/// The cache is bounded (<see cref="MaxEntries"/>): wildcard patterns admit unbounded host names, and past the bound the
/// whole cache is dropped and refilled on demand, which costs one issuance (about a millisecond) per host.
/// </remarks>
internal sealed class LeafCertificateCache : IDisposable
{
    /// <summary>The most hosts kept.</summary>
    public const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, Leaf> _leaves = new(StringComparer.OrdinalIgnoreCase);
    private readonly OrganisationCa? _ca;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly Lock _issuing = new();

    public LeafCertificateCache(OrganisationCa? ca, ProxyConfig config, TimeProvider time)
    {
        _ca = ca;
        _lifetime = config.LeafLifetime;
        _time = time;
    }

    /// <summary>Gets how many leaves have been issued since start (a cache hit issues none).</summary>
    public long Issued { get; private set; }

    /// <summary>Returns the certificate context for <paramref name="host"/>, issuing a leaf when none is fresh.</summary>
    /// <exception cref="InvalidOperationException">No CA is configured (configuration requires one whenever a host is intercepted).</exception>
    public SslStreamCertificateContext For(string host)
    {
        var ca = _ca ?? throw new InvalidOperationException("No proxy CA is configured, so no host can be intercepted.");
        var now = _time.GetUtcNow();
        if (_leaves.TryGetValue(host, out var leaf) && leaf.RenewAt > now)
        {
            return leaf.Context;
        }

        // One issuance per host at a time: concurrent first handshakes share one leaf rather than each minting theirs.
        lock (_issuing)
        {
            if (_leaves.TryGetValue(host, out leaf) && leaf.RenewAt > now)
            {
                return leaf.Context;
            }

            if (_leaves.Count >= MaxEntries)
            {
                _leaves.Clear();
            }

            var certificate = LeafIssuer.Issue(ca, host, now, _lifetime);
            var context = SslStreamCertificateContext.Create(certificate, [ca.Certificate], offline: true);
            var renewAt = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero) - (_lifetime / 3);
            _leaves[host] = new Leaf(context, renewAt);
            Issued++;
            return context;
        }
    }

    public void Dispose() => _ca?.Dispose();

    private sealed record Leaf(SslStreamCertificateContext Context, DateTimeOffset RenewAt);
}
