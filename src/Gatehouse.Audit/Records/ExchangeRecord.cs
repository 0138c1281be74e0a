namespace Gatehouse.Audit.Records;

/// <summary>One exchange as search and <c>audit show</c> present it: its intent merged with how it ended.</summary>
/// <param name="IntentSequence">The log sequence of the intent entry.</param>
/// <param name="Intent">What was asked; <see cref="ExchangeIntent.Prompt"/> is null when retention removed it.</param>
/// <param name="OutcomeSequence">The log sequence of the outcome or interruption entry, if any.</param>
/// <param name="Outcome">How it ended; null while the exchange is in flight.</param>
/// <param name="Interrupted">True when the gateway stopped before the exchange ended (recorded at the next start).</param>
public sealed record ExchangeRecord(
    long IntentSequence,
    ExchangeIntent Intent,
    long? OutcomeSequence,
    ExchangeOutcome? Outcome,
    bool Interrupted)
{
    /// <summary>Gets the exchange id.</summary>
    public string ExchangeId => Intent.ExchangeId;
}
