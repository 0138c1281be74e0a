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
        if (chosen.IsEmpty)
        {
            output.Write(text[from..to]);
            return;
        }

        // All fingerprints first: they are computed many at a time.
        var fingerprints = ArrayPool<string>.Shared.Rent(chosen.Length);
        try
        {
            fingerprinter.FingerprintMany(text, chosen, fingerprints);
            var pos = from;
            for (var i = 0; i < chosen.Length; i++)
            {
                var c = chosen[i];
                output.Write(text[pos..c.Start]);
                var rule = set.Rules[c.RuleIndex];
                ReplacementWriter.Write(output, rule, text.Slice(c.Start, c.Length), fingerprints[i]);
                findings.Add(new Finding(rule.Rule.Id, rule.Rule.Category, checked((int)(baseOffset + c.Start)), c.Length, fingerprints[i]));
                pos = c.End;
            }

            output.Write(text[pos..to]);
        }
        finally
        {
            ArrayPool<string>.Shared.Return(fingerprints, clearArray: true);
        }
    }
}
