namespace Gatehouse.Audit.Retention;

/// <summary>One batch's worth of candidates: a connection's exchanges that started before a cut-off.</summary>
/// <param name="Phase">What would be removed; records are only candidates once the exchange has ended.</param>
/// <param name="Connection">The connection name.</param>
/// <param name="Before">The cut-off: exchanges whose intent is older than this.</param>
/// <param name="AfterSequence">The keyset cursor: only intents after this sequence.</param>
/// <param name="Limit">The most intents to look at.</param>
public sealed record RetentionWindow(RetentionPhase Phase, string Connection, DateTimeOffset Before, long AfterSequence, int Limit)
{
    /// <summary>Gets the earliest intent time to include, or null for no lower bound.</summary>
    /// <remarks>A dry run's body pass starts at the record cut-off: older exchanges would already be tombstones.</remarks>
    public DateTimeOffset? NotBefore { get; init; }
}
