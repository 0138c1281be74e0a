namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// The one table of the names <see cref="AuditFailureMode"/> has wherever it is text: <c>audit.failureMode</c> in the
/// configuration. Lower-case, matched exactly, as every documented configuration and shipped example writes them.
/// </summary>
internal static class AuditFailureModeNames
{
    /// <summary>Gets every name, in the order of <see cref="AuditFailureMode"/>: <c>closed</c>, <c>open</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<AuditFailureMode>().Select(Name)];

    /// <summary>Returns the name of <paramref name="mode"/>: <c>closed</c> or <c>open</c>.</summary>
    public static string Name(AuditFailureMode mode) => mode == AuditFailureMode.Open ? "open" : "closed";

    /// <summary>Reads a name written by <see cref="Name"/>; false for any other text.</summary>
    public static bool TryParse(string? text, out AuditFailureMode mode)
    {
        mode = text == "open" ? AuditFailureMode.Open : AuditFailureMode.Closed;
        return text is "closed" or "open";
    }
}
