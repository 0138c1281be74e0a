namespace Gatehouse.Audit.Retention;

/// <summary>What one window holds.</summary>
/// <param name="ExchangeIds">The exchanges to remove (none of them held).</param>
/// <param name="Scanned">How many intents the window looked at; fewer than its limit means the end was reached.</param>
/// <param name="LastSequence">The last intent sequence looked at: the next window's cursor.</param>
/// <param name="LastEntrySequence">The highest sequence of any entry of <paramref name="ExchangeIds"/>.</param>
/// <param name="Entries">How many entries <paramref name="ExchangeIds"/> have.</param>
/// <param name="Bodies">How many of those entries still have a body.</param>
/// <param name="Held">How many exchanges in the window a legal hold kept.</param>
public sealed record RetentionCandidates(
    IReadOnlyList<string> ExchangeIds, int Scanned, long LastSequence, long LastEntrySequence, long Entries, long Bodies, int Held);
