namespace Gatehouse.Protocols.Json;

/// <summary>A string value's text as masking left it, by where its text starts in the bytes the document was parsed from.</summary>
/// <param name="Start">The offset of the first byte after the value's opening quote.</param>
/// <param name="Text">The value's text after masking.</param>
/// <param name="Changed">False for a string masking read and kept as it was: its text is the one already read, kept so
/// that readers do not decode it again; its bytes are the upstream's.</param>
internal readonly record struct TextEdit(int Start, string Text, bool Changed = true);
