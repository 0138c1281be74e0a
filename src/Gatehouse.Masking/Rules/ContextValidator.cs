namespace Gatehouse.Masking.Rules;

/// <summary>
/// Decides whether a match is a value by its lexical surroundings: <paramref name="before"/> is the window's text up to
/// the match, <paramref name="after"/> the window's text from the end of the match (never past the window, so that a
/// streaming scan decides exactly as a whole-text scan does).
/// </summary>
internal delegate bool ContextValidator(ReadOnlySpan<char> before, ReadOnlySpan<char> value, ReadOnlySpan<char> after);
