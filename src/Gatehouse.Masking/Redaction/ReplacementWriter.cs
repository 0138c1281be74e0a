using Gatehouse.Masking.Detection;

namespace Gatehouse.Masking.Redaction;

/// <summary>The replacement of one detected value in its rule's redaction style.</summary>
/// <remarks>Every replacement is ASCII without quotes or backslashes, so it never needs escaping in JSON.</remarks>
internal static class ReplacementWriter
{
    private const string Stars = "********";

    /// <summary>The text that replaces <paramref name="value"/>; the rule's marker (no allocation) by default.</summary>
    public static string Text(CompiledRule rule, ReadOnlySpan<char> value, string fingerprint) => rule.Style switch
    {
        RedactionStyle.KeepLast4 when value.Length > 8 => "****" + Safe(value[^4..]),
        RedactionStyle.KeepLast4 or RedactionStyle.FixedLength => Stars,
        RedactionStyle.Pseudonym =>
            "[MASKED:" + rule.Rule.Id + ":" + fingerprint[..Fingerprinter.PseudonymHexLength] + "]",
        _ => rule.Marker,
    };

    private static string Safe(ReadOnlySpan<char> kept)
    {
        Span<char> safe = stackalloc char[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            var c = kept[i];
            safe[i] = c is '"' or '\\' || char.IsControl(c) || char.IsSurrogate(c) ? '*' : c;
        }

        return new string(safe);
    }
}
