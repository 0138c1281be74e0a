namespace Gatehouse.Policy.ToolCalls;

/// <summary>Finds the files a patch touches: unified diff headers and <c>*** Update File:</c> style envelopes.</summary>
/// <remarks>
/// A model can edit <c>src/auth/login.cs</c> through an <c>apply_patch</c> tool whose only argument is the patch text,
/// so every string argument is scanned; a string with no header lines costs one pass and yields nothing.
/// </remarks>
internal static class PatchPaths
{
    private static readonly string[] EnvelopeHeaders =
    [
        "*** Update File:", "*** Add File:", "*** Delete File:", "*** Move to:", "*** Move File:",
        "rename from ", "rename to ", "copy from ", "copy to ",
    ];

    public static void Extract(string text, ICollection<string> into)
    {
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).TrimEnd('\r');
            if (line.Length < 5)
            {
                continue;
            }

            if (line.StartsWith("--- ") || line.StartsWith("+++ "))
            {
                AddDiffPath(line[4..], into);
            }
            else if (line.StartsWith("diff --git "))
            {
                AddGitPair(line["diff --git ".Length..], into);
            }
            else
            {
                AddEnvelopePath(line, into);
            }
        }
    }

    private static void AddDiffPath(ReadOnlySpan<char> rest, ICollection<string> into)
    {
        var tab = rest.IndexOf('\t');
        var path = (tab >= 0 ? rest[..tab] : rest).Trim();
        if (path.IsEmpty || path.SequenceEqual("/dev/null"))
        {
            return;
        }

        into.Add(PathNormalizer.Normalize(StripGitPrefix(path).ToString()));
    }

    private static void AddGitPair(ReadOnlySpan<char> rest, ICollection<string> into)
    {
        var split = rest.IndexOf(" b/");
        if (split > 0)
        {
            into.Add(PathNormalizer.Normalize(StripGitPrefix(rest[..split]).ToString()));
            into.Add(PathNormalizer.Normalize(rest[(split + 3)..].ToString()));
        }
    }

    private static void AddEnvelopePath(ReadOnlySpan<char> line, ICollection<string> into)
    {
        foreach (var header in EnvelopeHeaders)
        {
            if (line.StartsWith(header, StringComparison.Ordinal))
            {
                var path = line[header.Length..].Trim();
                if (!path.IsEmpty)
                {
                    into.Add(PathNormalizer.Normalize(path.ToString()));
                }

                return;
            }
        }
    }

    private static ReadOnlySpan<char> StripGitPrefix(ReadOnlySpan<char> path) =>
        path.StartsWith("a/") || path.StartsWith("b/") ? path[2..] : path;
}
