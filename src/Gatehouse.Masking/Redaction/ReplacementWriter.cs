using System.Buffers;
using Gatehouse.Masking.Detection;

namespace Gatehouse.Masking.Redaction;

/// <summary>Writes the replacement of one detected value in its rule's redaction style.</summary>
/// <remarks>Every replacement is ASCII without quotes or backslashes, so it never needs escaping in JSON.</remarks>
internal static class ReplacementWriter
{
    private const string Stars = "********";

    public static void Write(IBufferWriter<char> output, CompiledRule rule, ReadOnlySpan<char> value, string fingerprint)
    {
        switch (rule.Style)
        {
            case RedactionStyle.KeepLast4 when value.Length > 8:
                output.Write("****");
                WriteSafe(output, value[^4..]);
                break;
            case RedactionStyle.KeepLast4:
            case RedactionStyle.FixedLength:
                output.Write(Stars);
                break;
            case RedactionStyle.Pseudonym:
                output.Write("[MASKED:");
                output.Write(rule.Rule.Id);
                output.Write(":");
                output.Write(fingerprint.AsSpan(0, Fingerprinter.PseudonymHexLength));
                output.Write("]");
                break;
            default:
                output.Write(rule.Marker);
                break;
        }
    }

    private static void WriteSafe(IBufferWriter<char> output, ReadOnlySpan<char> kept)
    {
        foreach (var c in kept)
        {
            output.Write(c is '"' or '\\' || char.IsControl(c) || char.IsSurrogate(c) ? "*" : [c]);
        }
    }
}
