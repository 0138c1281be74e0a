using System.Text;
using Gatehouse.Audit.Records;
using Gatehouse.Masking;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// Masks <c>name=value&amp;...</c> text (a query string, an <c>application/x-www-form-urlencoded</c> body): each name
/// and value is percent-decoded, masked, and re-encoded only when it changed, so that untouched parts keep their bytes.
/// </summary>
/// <remarks>
/// Whether <c>+</c> means a space depends on the upstream (forms say yes, RFC 3986 says no), so a part is inspected both
/// ways: decoded with <c>+</c> kept, then, when that finds nothing, with <c>+</c> as a space. A part that changed is
/// re-encoded with every reserved character escaped, which both readings decode alike.
/// </remarks>
internal static class UrlEncodedMasker
{
    /// <summary>Masks <paramref name="encoded"/> (without a leading <c>?</c>); returns it unchanged when nothing was found.</summary>
    public static string Mask(string encoded, MaskingEngine engine, string field, List<AuditFinding> findings)
    {
        var output = new StringBuilder(encoded.Length);
        var changed = false;
        var pairs = encoded.Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            var pair = pairs[i];
            if (i > 0)
            {
                output.Append('&');
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                changed |= AppendPart(output, pair, engine, field, findings);
                continue;
            }

            changed |= AppendPart(output, pair[..equals], engine, field, findings);
            output.Append('=');
            changed |= AppendPart(output, pair[(equals + 1)..], engine, field, findings);
        }

        return changed ? output.ToString() : encoded;
    }

    private static bool AppendPart(StringBuilder output, string part, MaskingEngine engine, string field, List<AuditFinding> findings)
    {
        var literal = Uri.UnescapeDataString(part);
        var result = engine.Mask(literal);
        if (!result.IsChanged && part.Contains('+', StringComparison.Ordinal))
        {
            result = engine.Mask(Uri.UnescapeDataString(part.Replace('+', ' ')));
        }

        if (!result.IsChanged)
        {
            output.Append(part);
            return false;
        }

        findings.AddRange(result.Findings.Select(f => FindingNames.ToAudit(f, "request", field)));
        output.Append(Uri.EscapeDataString(result.MaskedText!));
        return true;
    }
}
