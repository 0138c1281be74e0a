namespace Gatehouse.Protocols.Rewriting;

/// <summary>The outcome of <see cref="JsonStringRewriter.Rewrite"/>.</summary>
/// <param name="Json">The rewritten UTF-8 JSON, or null when nothing changed or on error.</param>
/// <param name="Error">Why the document was refused (never quoting it), or null.</param>
public readonly record struct JsonRewriteResult(byte[]? Json, string? Error)
{
    /// <summary>Gets a value indicating whether a string value was rewritten.</summary>
    public bool Changed => Json is not null;
}
