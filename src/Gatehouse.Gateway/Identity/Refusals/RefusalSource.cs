using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Gateway.Exchanges;

namespace Gatehouse.Gateway.Identity.Refusals;

/// <summary>One source address: its bucket of refusals and the refusals counted but not yet audited. Not thread-safe.</summary>
internal sealed class RefusalSource(string? address, int capacity, DateTimeOffset now)
{
    private readonly Dictionary<(string Code, int Status), RefusalWindow> _windows = [];
    private double _tokens = capacity;
    private DateTimeOffset _refilled = now;

    /// <summary>Takes one token, refilling at <paramref name="perMinute"/> a minute; false when none is left.</summary>
    public bool TryTake(DateTimeOffset now, int perMinute)
    {
        Refill(now, perMinute);
        if (_tokens < 1)
        {
            return false;
        }

        _tokens--;
        return true;
    }

    /// <summary>Counts a refusal; returns true when it opens an interval, so it is audited at once on its own.</summary>
    public bool Count(string code, int status, bool throttled, DateTimeOffset now, Exchange exchange, string? connection)
    {
        if (!_windows.TryGetValue((code, status), out var window))
        {
            _windows[(code, status)] = new RefusalWindow(now);
            return true;
        }

        window.Add(throttled, now, exchange, connection);
        return false;
    }

    /// <summary>Ends the windows opened before <paramref name="openedBefore"/>; returns the entries of those that counted more.</summary>
    public IEnumerable<AuditEntryDraft> Close(DateTimeOffset openedBefore, DateTimeOffset now)
    {
        var ended = _windows.Where(w => w.Value.Opened <= openedBefore).ToList();
        foreach (var ((code, status), window) in ended)
        {
            _windows.Remove((code, status));
            if (window.Count > 0)
            {
                yield return AuditEntryCodec.ForSignInFailure(window.ToRecord(code, status, address, now), now);
            }
        }
    }

    /// <summary>Gets whether nothing is left to remember: no open window and a full bucket.</summary>
    public bool IsIdle(DateTimeOffset now, int perMinute)
    {
        Refill(now, perMinute);
        return _windows.Count == 0 && _tokens >= capacity;
    }

    private void Refill(DateTimeOffset now, int perMinute)
    {
        var elapsed = now - _refilled;
        if (elapsed > TimeSpan.Zero)
        {
            _tokens = Math.Min(capacity, _tokens + (elapsed.TotalMinutes * perMinute));
            _refilled = now;
        }
    }
}
