using Gatehouse.Audit.Store;

namespace Gatehouse.Gateway.Health;

/// <summary>
/// Answers <c>/readyz</c>: ready only while the audit store accepts writes, since an exchange that cannot be audited is
/// refused. The probe result is cached briefly so a busy load balancer does not become write load.
/// </summary>
internal sealed class ReadinessCheck
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    private readonly IAuditStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (bool Ready, long At)? _last;

    public ReadinessCheck(IAuditStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (_last is { } cached && _time.GetElapsedTime(cached.At) < CacheFor)
        {
            return cached.Ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } again && _time.GetElapsedTime(again.At) < CacheFor)
            {
                return again.Ready;
            }

            var ready = await _store.ProbeWritableAsync(cancellationToken);
            _last = (ready, _time.GetTimestamp());
            return ready;
        }
        finally
        {
            _gate.Release();
        }
    }
}
