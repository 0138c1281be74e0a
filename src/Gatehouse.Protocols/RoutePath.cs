namespace Gatehouse.Protocols;

/// <summary>Reduces a request path to the form an upstream is likely to route on, for matching model APIs.</summary>
/// <remarks>
/// An upstream that decodes <c>%2F</c>, collapses <c>//</c> or resolves <c>./..</c> would serve a disguised path
/// as its model API; matching on the reduced form means such a request is inspected rather than passed as opaque.
/// Matching more paths than the upstream serves is harmless: an unservable request is at worst refused.
/// </remarks>
internal static class RoutePath
{
    public static string Normalise(string path)
    {
        var decoded = path.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(path) : path;
        var segments = new List<string>();
        foreach (var segment in decoded.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != ".")
            {
                segments.Add(segment.ToLowerInvariant());
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>
    /// Returns whether the normalised <paramref name="route"/> matches <paramref name="pattern"/>: segment by segment,
    /// exactly, where a pattern segment in braces (<c>{engine}</c>) stands for any one segment.
    /// </summary>
    public static bool Matches(string pattern, string route)
    {
        var patterns = pattern.AsSpan();
        var routes = route.AsSpan();
        while (true)
        {
            var p = Next(ref patterns);
            var r = Next(ref routes);
            if (p.IsEmpty || r.IsEmpty)
            {
                return p.IsEmpty && r.IsEmpty;
            }

            if (!(p[0] == '{' && p[^1] == '}') && !p.SequenceEqual(r))
            {
                return false;
            }
        }
    }

    // Cuts the next segment off a path, which then starts after the slash.
    private static ReadOnlySpan<char> Next(ref ReadOnlySpan<char> path)
    {
        var slash = path.IndexOf('/');
        var segment = slash < 0 ? path : path[..slash];
        path = slash < 0 ? [] : path[(slash + 1)..];
        return segment;
    }
}
