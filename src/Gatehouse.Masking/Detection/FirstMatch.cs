using System.Text.RegularExpressions;

namespace Gatehouse.Masking.Detection;

/// <summary>
/// The first match at or after a position, for the window loops that choose where to resume themselves: after an
/// accepted match, past it; after a rejected one, one character on, so that a rejected match hides nothing.
/// </summary>
internal static class FirstMatch
{
    public static bool TryFind(Regex regex, ReadOnlySpan<char> window, int from, out ValueMatch match)
    {
        var matches = regex.EnumerateMatches(window, from);
        if (!matches.MoveNext())
        {
            match = default;
            return false;
        }

        match = matches.Current;
        return true;
    }
}
