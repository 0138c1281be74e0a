using Gatehouse.Storage;

namespace Gatehouse.Audit.Records;

/// <summary>
/// The one table of the names <see cref="ResponseHoldOutcome"/> has wherever it is text: the audit's JSON, the audit
/// index, the console and log lines. Lower-case, matched exactly; the names are those stored since holds were recorded.
/// </summary>
public static class ResponseHoldOutcomeNames
{
    private static readonly NameTable<ResponseHoldOutcome> Table = new(
        (ResponseHoldOutcome.Held, "held"),
        (ResponseHoldOutcome.Released, "released"),
        (ResponseHoldOutcome.Approved, "approved"),
        (ResponseHoldOutcome.Rejected, "rejected"),
        (ResponseHoldOutcome.TimedOut, "timed_out"),
        (ResponseHoldOutcome.Cancelled, "cancelled"),
        (ResponseHoldOutcome.Denied, "denied"),
        (ResponseHoldOutcome.Refused, "refused"),
        (ResponseHoldOutcome.Abandoned, "abandoned"),
        (ResponseHoldOutcome.Unknown, "unknown"));

    /// <summary>Gets every name, in the order of <see cref="ResponseHoldOutcome"/>.</summary>
    public static IReadOnlyList<string> Names => Table.Names;

    /// <summary>Returns the stable name, such as <c>timed_out</c>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The name, in snake case; the same for every release.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not a defined outcome.</exception>
    public static string ToName(this ResponseHoldOutcome outcome) => Table.Name(outcome);

    /// <summary>Reads a name written by <see cref="ToName"/>; false for any other text.</summary>
    public static bool TryParse(string? name, out ResponseHoldOutcome outcome) => Table.TryParse(name, out outcome);
}
