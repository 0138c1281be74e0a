using System.Buffers;
using Gatehouse.Masking;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// Finds secrets written in two halves: the end of one model-visible text piece (a message, a content part, a tool
/// result) and the start of the next, which masking, seeing each JSON string alone, cannot find but the model reads as
/// one text.
/// </summary>
/// <remarks>
/// Each junction is scanned as a bounded window: up to <see cref="DefaultWindow"/> characters before it joined directly
/// to up to as many after it (reaching into further pieces when the nearest ones are shorter, so a secret in three
/// short pieces is found too). Cost is O(pieces × window), never the whole prompt again. A finding counts when it
/// crosses the junction, or when it lies on one side but is not found by scanning that side alone (its context, such
/// as a keyword, came from the other piece); findings each side has on its own were already masked in place.
/// </remarks>
internal static class SplitSecretScan
{
    /// <summary>The characters taken from each side of a junction; longer secrets split across pieces are not found.</summary>
    public const int DefaultWindow = 512;

    /// <summary>Returns the findings that exist only because two consecutive pieces are read together (each once).</summary>
    public static IReadOnlyList<Finding> Find(MaskingEngine engine, IReadOnlyList<string> pieces, int window = DefaultWindow)
    {
        var buffer = ArrayPool<char>.Shared.Rent(2 * window);
        List<Finding>? found;
        try
        {
            found = Scan(engine, pieces, window, buffer);
        }
        finally
        {
            // Cleared: it held prompt text.
            ArrayPool<char>.Shared.Return(buffer, clearArray: true);
        }

        return found ?? (IReadOnlyList<Finding>)[];
    }

    private static List<Finding>? Scan(MaskingEngine engine, IReadOnlyList<string> pieces, int window, char[] buffer)
    {
        List<Finding>? found = null;
        for (var junction = 1; junction < pieces.Count; junction++)
        {
            var left = Before(pieces, junction, buffer.AsSpan(0, window));
            var right = After(pieces, junction, buffer.AsSpan(left, window));
            var joined = buffer.AsSpan(0, left + right);
            var together = engine.Scan(joined);
            if (together.Count == 0)
            {
                continue;
            }

            var leftAlone = engine.Scan(joined[..left]);
            var rightAlone = engine.Scan(joined[left..]);
            foreach (var finding in together)
            {
                var end = finding.Offset + finding.Length;
                var alone = end <= left ? Has(leftAlone, finding, 0)
                    : finding.Offset >= left && Has(rightAlone, finding, left);
                if (!alone && (found ??= []).TrueForAll(f => f.Fingerprint != finding.Fingerprint || f.RuleId != finding.RuleId))
                {
                    found.Add(finding);
                }
            }
        }

        return found;
    }

    // Copies the last characters before the junction (across pieces, in order) to the start of the span; returns the count.
    private static int Before(IReadOnlyList<string> pieces, int junction, Span<char> into)
    {
        var count = 0;
        for (var i = junction - 1; i >= 0 && count < into.Length; i--)
        {
            count += Math.Min(pieces[i].Length, into.Length - count);
        }

        var at = count;
        for (var i = junction - 1; i >= 0 && at > 0; i--)
        {
            var take = Math.Min(pieces[i].Length, at);
            pieces[i].AsSpan(pieces[i].Length - take).CopyTo(into[(at - take)..]);
            at -= take;
        }

        return count;
    }

    private static int After(IReadOnlyList<string> pieces, int junction, Span<char> into)
    {
        var count = 0;
        for (var i = junction; i < pieces.Count && count < into.Length; i++)
        {
            var take = Math.Min(pieces[i].Length, into.Length - count);
            pieces[i].AsSpan(0, take).CopyTo(into[count..]);
            count += take;
        }

        return count;
    }

    private static bool Has(IReadOnlyList<Finding> alone, Finding finding, int shift)
    {
        foreach (var other in alone)
        {
            if (other.RuleId == finding.RuleId && other.Offset + shift == finding.Offset && other.Length == finding.Length)
            {
                return true;
            }
        }

        return false;
    }
}
