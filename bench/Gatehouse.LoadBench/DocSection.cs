namespace Gatehouse.LoadBench;

/// <summary>Replaces this benchmark's section of docs/benchmarks.md, between its markers, leaving the others alone.</summary>
internal static class DocSection
{
    public const string Start = "<!-- gateway-load:start -->";
    public const string End = "<!-- gateway-load:end -->";

    private const string Intro = """
        # Benchmarks

        Each section is written by the command it names and holds only figures measured in one run of it. The machine is
        shared and small, so compare the figures of one section with each other (ratios), not with another machine's.

        """;

    public static void Update(string path, string section)
    {
        var block = $"{Start}\n{section.TrimEnd()}\n{End}";
        var text = File.Exists(path) ? File.ReadAllText(path) : Intro;
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = start >= 0 && end > start
            ? string.Concat(text.AsSpan(0, start), block, text.AsSpan(end + End.Length))
            : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }
}
