using System.Text;

namespace Gatehouse.Mcp;

/// <summary>A line diff (longest common subsequence), written unified-style: ' ' kept, '-' removed, '+' added.</summary>
/// <remarks>Quadratic in lines, so bounded: definitions longer than <see cref="MaxLines"/> lines are shown whole, old then new.</remarks>
internal static class LineDiff
{
    public const int MaxLines = 2000;

    public static void Write(StringBuilder output, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        if (before.Count > MaxLines || after.Count > MaxLines)
        {
            foreach (var line in before)
            {
                output.Append('-').Append(line).Append('\n');
            }

            foreach (var line in after)
            {
                output.Append('+').Append(line).Append('\n');
            }

            return;
        }

        // common[i, j]: the length of the longest common subsequence of before[i..] and after[j..].
        var common = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var (a, b) = (0, 0);
        while (a < before.Count || b < after.Count)
        {
            if (a < before.Count && b < after.Count && before[a] == after[b])
            {
                output.Append(' ').Append(before[a++]).Append('\n');
                b++;
            }
            else if (a < before.Count && (b == after.Count || common[a + 1, b] >= common[a, b + 1]))
            {
                output.Append('-').Append(before[a++]).Append('\n');
            }
            else
            {
                output.Append('+').Append(after[b++]).Append('\n');
            }
        }
    }
}
