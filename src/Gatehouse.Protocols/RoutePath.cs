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
}
