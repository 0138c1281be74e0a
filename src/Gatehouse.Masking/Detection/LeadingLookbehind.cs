namespace Gatehouse.Masking.Detection;

/// <summary>
/// Splits a pattern of the form <c>(?&lt;=B)V</c> into its leading lookbehind and the rest. Tried at one position,
/// <c>(?&lt;=B)V</c> matches exactly when <c>V</c> matches there and the zero-width, atomic lookbehind holds there,
/// and the match is <c>V</c>'s: so the cheap part can go first. For operator-anchored rules that is the value, whose
/// first character rejects most positions, instead of the lookbehind, which walks back over a name and an operator
/// at every position tried.
/// </summary>
internal static class LeadingLookbehind
{
    /// <summary>False when the pattern does not start with a lookbehind closed before its end.</summary>
    public static bool TrySplit(string pattern, out string lookbehind, out string rest)
    {
        lookbehind = rest = "";
        if (!pattern.StartsWith("(?<=", StringComparison.Ordinal))
        {
            return false;
        }

        var depth = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
                // A ']' right after '[' or '[^' is a literal member of the class.
                i += pattern.AsSpan(i + 1).StartsWith("^]") ? 2 : pattern.AsSpan(i + 1).StartsWith("]") ? 1 : 0;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                lookbehind = pattern[..(i + 1)];
                rest = pattern[(i + 1)..];
                return rest.Length > 0;
            }
        }

        return false;
    }
}
