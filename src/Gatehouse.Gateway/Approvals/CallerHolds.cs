using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Approvals;

/// <summary>
/// Counts, per caller, the requests and responses of this instance waiting for a reviewer, and refuses one more than
/// <c>limits.maxHoldsPerCaller</c>.
/// </summary>
/// <remarks>
/// A held exchange keeps its connection and its body (a held response up to <c>responseHolds.maxHeldBytes</c>) for
/// the whole wait; without a cap one caller could hold thousands. Pending approvals, which outlive the wait and are
/// shared by every instance, are capped in the store (<c>limits.maxPendingPerCaller</c>).
/// </remarks>
internal sealed class CallerHolds(GatehouseConfig config)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);

    /// <summary>Gets the most holds one caller may have waiting at once.</summary>
    public int Cap { get; } = config.Limits.MaxHoldsPerCaller;

    /// <summary>Counts one more hold of the principal <paramref name="key"/> (its issuer-qualified id) until the lease is disposed; null when at the cap.</summary>
    public HoldLease? TryEnter(string key)
    {
        lock (_lock)
        {
            var count = _held.GetValueOrDefault(key);
            if (count >= Cap)
            {
                return null;
            }

            _held[key] = count + 1;
        }

        return new HoldLease(this, key);
    }

    /// <summary>Gets the limit answered when a caller is over the cap.</summary>
    public HoldLimit Limit() => new(
        ExchangeFailureCode.TooManyHolds,
        $"You already have {Cap} requests or responses waiting for a reviewer, the most one caller may have at once (limits.maxHoldsPerCaller). "
        + "Wait until a reviewer decides one, or cancel one, then send this again.");

    internal void Leave(string key)
    {
        lock (_lock)
        {
            var count = _held.GetValueOrDefault(key) - 1;
            if (count <= 0)
            {
                _held.Remove(key);
            }
            else
            {
                _held[key] = count;
            }
        }
    }
}
