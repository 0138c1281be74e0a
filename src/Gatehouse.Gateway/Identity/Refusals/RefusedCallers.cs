using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Exchanges;

namespace Gatehouse.Gateway.Identity.Refusals;

/// <summary>
/// Bounds what unauthenticated callers cost: each source address has a token bucket of refusals, and its refusals are
/// gathered into few <c>identity.refused</c> audit entries with a count instead of one entry each.
/// </summary>
/// <remarks>
/// <para>
/// A refusal (401) takes a token from its source's bucket (<c>limits.unauthenticatedPerMinute</c>, which is also the
/// burst); a source with none left is answered 429 until it refills. A caller that authenticates takes nothing, so an
/// honest user behind the same address is still served. A refusal because the gateway could not check (503) is never
/// throttled: it is not the caller's doing.
/// </para>
/// <para>
/// Per source, failure code and status, the first refusal of an interval is appended at once (a SIEM sees an attack
/// start without delay) and the rest of the interval is appended as one entry with its <c>count</c> when the interval
/// ends (<see cref="RefusalAuditService"/>), or at shutdown. An IPv6 source is its /64, which is what one host can
/// rotate through. At most <see cref="MaxSources"/> sources are tracked; beyond that new ones share one bucket.
/// </para>
/// </remarks>
internal sealed class RefusedCallers(IAuditTrail audit, GatehouseConfig config, TimeProvider time)
{
    /// <summary>The most source addresses tracked at once.</summary>
    public const int MaxSources = 10_000;

    private const string Overflow = "*";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, RefusalSource> _sources = new(StringComparer.Ordinal);
    private readonly int _perMinute = config.Limits.UnauthenticatedPerMinute;
    private readonly TimeSpan _interval = config.Limits.RefusalAuditInterval;

    /// <summary>Gets the Retry-After of a throttled source: how long its bucket takes to hold one token again, in whole seconds.</summary>
    public static string RetryAfterSeconds(int perMinute)
        => Math.Max(1, (int)Math.Ceiling(60.0 / perMinute)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Counts one refusal; returns false when its source is over its limit and must be answered 429 instead.</summary>
    public async ValueTask<bool> RefuseAsync(Exchange exchange, string? connection, IdentityFailure failure, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        bool allowed;
        bool first;
        lock (_lock)
        {
            var source = SourceOf(exchange.ClientAddress, now);
            allowed = failure.Status != 401 || source.TryTake(now, _perMinute);
            first = source.Count(failure.Code.ToName(), failure.Status, !allowed, now, exchange, connection);
        }

        if (first)
        {
            // The refusal stands whether or not its record is written: a store that is down must not turn 401s into 503s.
            await audit.AppendAsync(SignInAudit.Draft(exchange, connection, failure, now), cancellationToken);
        }

        return allowed;
    }

    /// <summary>Appends one entry per source and failure whose interval has ended (every one when <paramref name="all"/>).</summary>
    public async Task FlushAsync(bool all, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<AuditEntryDraft> drafts = [];
        lock (_lock)
        {
            var idle = new List<string>();
            foreach (var (key, source) in _sources)
            {
                drafts.AddRange(source.Close(all ? DateTimeOffset.MaxValue : now - _interval, now));
                if (source.IsIdle(now, _perMinute))
                {
                    idle.Add(key);
                }
            }

            foreach (var key in idle)
            {
                _sources.Remove(key);
            }
        }

        foreach (var draft in drafts)
        {
            await audit.AppendAsync(draft, cancellationToken);
        }
    }

    private RefusalSource SourceOf(string? address, DateTimeOffset now)
    {
        var key = SourceAddress.KeyOf(address);
        if (_sources.TryGetValue(key, out var source))
        {
            return source;
        }

        if (_sources.Count >= MaxSources)
        {
            key = Overflow;
            if (_sources.TryGetValue(key, out source))
            {
                return source;
            }
        }

        return _sources[key] = new RefusalSource(key == Overflow ? null : key, _perMinute, now);
    }
}
