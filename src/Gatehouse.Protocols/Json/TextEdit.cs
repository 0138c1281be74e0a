namespace Gatehouse.Protocols.Json;

/// <summary>A string value's text as masking left it, by where its text starts in the bytes the document was parsed from.</summary>
/// <param name="Start">The offset of the first byte after the value's opening quote.</param>
/// <param name="Text">The value's text after masking.</param>
internal readonly record struct TextEdit(int Start, string Text);
