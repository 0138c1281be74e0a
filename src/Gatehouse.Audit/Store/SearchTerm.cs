namespace Gatehouse.Audit.Store;

/// <summary>One term of a text search: a word or a phrase, matched as written (never as query syntax).</summary>
/// <param name="Text">The word or the words of the phrase, as the user typed them.</param>
/// <param name="IsPrefix">True when the term ended with <c>*</c>: its last word matches as a prefix.</param>
public readonly record struct SearchTerm(string Text, bool IsPrefix);
