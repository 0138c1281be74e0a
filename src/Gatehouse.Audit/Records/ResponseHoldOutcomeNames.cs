namespace Gatehouse.Audit.Records;

/// <summary>
/// The one table of the names <see cref="ResponseHoldOutcome"/> has wherever it is text: the audit's JSON, the audit
/// index, the console and log lines. Lower-case, matched exactly; the names are those stored since holds were recorded.
/// </summary>
public static class ResponseHoldOutcomeNames
{
    /// <summary>Gets every name, in the order of <see cref="ResponseHoldOutcome"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<ResponseHoldOutcome>().Select(ToName)];

    /// <summary>Returns the stable name, such as <c>timed_out</c>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The name, in snake case; the same for every release.</returns>
    public static string ToName(this ResponseHoldOutcome outcome) => outcome switch
    {
        ResponseHoldOutcome.Held => "held",
        ResponseHoldOutcome.Released => "released",
        ResponseHoldOutcome.Approved => "approved",
        ResponseHoldOutcome.Rejected => "rejected",
        ResponseHoldOutcome.TimedOut => "timed_out",
        ResponseHoldOutcome.Cancelled => "cancelled",
        ResponseHoldOutcome.Denied => "denied",
        ResponseHoldOutcome.Refused => "refused",
        ResponseHoldOutcome.Abandoned => "abandoned",
        ResponseHoldOutcome.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not a response hold outcome"),
    };

    /// <summary>Reads a name written by <see cref="ToName"/>; false for any other text.</summary>
    public static bool TryParse(string? name, out ResponseHoldOutcome outcome)
    {
        (var known, outcome) = name switch
        {
            "held" => (true, ResponseHoldOutcome.Held),
            "released" => (true, ResponseHoldOutcome.Released),
            "approved" => (true, ResponseHoldOutcome.Approved),
            "rejected" => (true, ResponseHoldOutcome.Rejected),
            "timed_out" => (true, ResponseHoldOutcome.TimedOut),
            "cancelled" => (true, ResponseHoldOutcome.Cancelled),
            "denied" => (true, ResponseHoldOutcome.Denied),
            "refused" => (true, ResponseHoldOutcome.Refused),
            "abandoned" => (true, ResponseHoldOutcome.Abandoned),
            "unknown" => (true, ResponseHoldOutcome.Unknown),
            _ => (false, ResponseHoldOutcome.Unknown),
        };
        return known;
    }
}
