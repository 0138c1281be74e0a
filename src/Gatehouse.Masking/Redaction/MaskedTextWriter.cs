using System.Buffers;
using Gatehouse.Masking.Detection;

namespace Gatehouse.Masking.Redaction;

/// <summary>Writes a text with its chosen candidates replaced, and records a finding for each.</summary>
internal static class MaskedTextWriter
{
    /// <param name="set">The rules the candidates refer to.</param>
    /// <param name="fingerprinter">Computes each finding's fingerprint.</param>
    /// <param name="text">The scanned text.</param>
    /// <param name="from">Where in <paramref name="text"/> to start writing.</param>
    /// <param name="to">Where to stop; every chosen candidate lies within [from, to).</param>
    /// <param name="chosen">Non-overlapping candidates in order.</param>
    /// <param name="baseOffset">The offset of <paramref name="text"/> in the original, for findings.</param>
    /// <param name="output">Receives the masked text.</param>
    /// <param name="findings">Receives one finding per chosen candidate.</param>
    public static void Write(
        CompiledRuleSet set, Fingerprinter fingerprinter, ReadOnlySpan<char> text, int from, int to,
        ReadOnlySpan<Candidate> chosen, long baseOffset, IBufferWriter<char> output, List<Finding> findings)
    {
        var replacements = Replace(set, fingerprinter, text, chosen, baseOffset, findings);
        var pos = from;
        for (var i = 0; i < chosen.Length; i++)
        {
            output.Write(text[pos..chosen[i].Start]);
            output.Write(replacements[i]);
            pos = chosen[i].End;
        }

        output.Write(text[pos..to]);
    }

    /// <summary>The whole masked text, built in one string of its exact length (a large text is not copied twice).</summary>
    public static string ToMaskedString(
        CompiledRuleSet set, Fingerprinter fingerprinter, ReadOnlySpan<char> text, ReadOnlySpan<Candidate> chosen,
        List<Finding> findings)
    {
        var replacements = Replace(set, fingerprinter, text, chosen, 0, findings);
        var length = (long)text.Length;
        for (var i = 0; i < chosen.Length; i++)
        {
            length += replacements[i].Length - chosen[i].Length;
        }

        return string.Create(checked((int)length), new Pieces(text, chosen, replacements), static (span, pieces) =>
        {
            var pos = 0;
            var written = 0;
            for (var i = 0; i < pieces.Chosen.Length; i++)
            {
                var kept = pieces.Text[pos..pieces.Chosen[i].Start];
                kept.CopyTo(span[written..]);
                pieces.Replacements[i].CopyTo(span[(written + kept.Length)..]);
                written += kept.Length + pieces.Replacements[i].Length;
                pos = pieces.Chosen[i].End;
            }

            pieces.Text[pos..].CopyTo(span[written..]);
        });
    }

    /// <summary>Each candidate's replacement, with its finding added; fingerprints are computed many at a time.</summary>
    private static string[] Replace(
        CompiledRuleSet set, Fingerprinter fingerprinter, ReadOnlySpan<char> text, ReadOnlySpan<Candidate> chosen,
        long baseOffset, List<Finding> findings)
    {
        if (chosen.IsEmpty)
        {
            return [];
        }

        var fingerprints = new string[chosen.Length];
        fingerprinter.FingerprintMany(text, chosen, fingerprints);
        var replacements = new string[chosen.Length];
        for (var i = 0; i < chosen.Length; i++)
        {
            var c = chosen[i];
            var rule = set.Rules[c.RuleIndex];
            var value = text.Slice(c.Start, c.Length);
            // A placeholder of a rule configured to keep them is reported and written back as it was.
            replacements[i] = c.Placeholder && rule.KeepsPlaceholders ? value.ToString() : ReplacementWriter.Text(rule, value, fingerprints[i]);
            findings.Add(new Finding(
                rule.Rule.Id, rule.Rule.Category, checked((int)(baseOffset + c.Start)), c.Length, fingerprints[i], rule.ChecksumOf(value),
                c.Placeholder));
        }

        return replacements;
    }

    /// <summary>What <see cref="ToMaskedString"/> copies from.</summary>
    private readonly ref struct Pieces(ReadOnlySpan<char> text, ReadOnlySpan<Candidate> chosen, string[] replacements)
    {
        public ReadOnlySpan<char> Text { get; } = text;

        public ReadOnlySpan<Candidate> Chosen { get; } = chosen;

        public string[] Replacements { get; } = replacements;
    }
}
