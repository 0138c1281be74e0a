namespace Gatehouse.Policy;

/// <summary>Describes one problem in a policy file, at a 1-based line and column.</summary>
/// <param name="Source">The file the problem is in, as given to the loader.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Message">What is wrong, in words a policy author can act on; never file content beyond key names.</param>
public sealed record PolicyDiagnostic(string Source, int Line, int Column, string Message)
{
    /// <summary>Formats the diagnostic as <c>source:line:column: message</c>, the shape editors and CI annotate.</summary>
    /// <returns>The formatted diagnostic.</returns>
    public override string ToString() => $"{Source}:{Line}:{Column}: {Message}";
}
