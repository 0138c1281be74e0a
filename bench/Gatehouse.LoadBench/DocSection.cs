namespace Gatehouse.LoadBench;

/// <summary>Replaces one section of a markdown file, between its markers, leaving the rest alone.</summary>
internal static class DocSection
{
    private const string BenchmarksIntro = """
        # Benchmarks

        Each section is written by the command it names and holds only figures measured in one run of it. The machine is
        shared and small, so compare the figures of one section with each other (ratios), not with another machine's.

        """;

    /// <summary>Replaces the gateway-load section of docs/benchmarks.md.</summary>
    public static void Update(string path, string section) => Update(path, "gateway-load", section, BenchmarksIntro);

    /// <summary>Replaces the section marked <paramref name="name"/>, or appends it (to <paramref name="intro"/> for a new file).</summary>
    public static void Update(string path, string name, string section, string intro)
    {
        var (startMarker, endMarker) = ($"<!-- {name}:start -->", $"<!-- {name}:end -->");
        var block = $"{startMarker}\n{section.TrimEnd()}\n{endMarker}";
        var text = File.Exists(path) ? File.ReadAllText(path) : intro;
        var start = text.IndexOf(startMarker, StringComparison.Ordinal);
        var end = text.IndexOf(endMarker, StringComparison.Ordinal);
        text = start >= 0 && end > start
            ? string.Concat(text.AsSpan(0, start), block, text.AsSpan(end + endMarker.Length))
            : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }
}
