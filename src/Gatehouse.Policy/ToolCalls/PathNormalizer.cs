namespace Gatehouse.Policy.ToolCalls;

/// <summary>Brings a file path to one spelling so that <c>./src//auth/../auth\x</c> cannot dodge <c>src/auth/**</c>.</summary>
internal static class PathNormalizer
{
    public static string Normalize(string path)
    {
        var trimmed = path.Trim().Trim('"', '\'').Replace('\\', '/');
        if (trimmed.AsSpan().IndexOfAny("/.") < 0)
        {
            return trimmed;
        }

        var rooted = trimmed.StartsWith('/');
        var segments = new List<string>();
        foreach (var segment in trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        var joined = string.Join('/', segments);
        return rooted ? "/" + joined : joined;
    }
}
