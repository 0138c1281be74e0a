using System.Text;
using System.Text.RegularExpressions;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Benchmarks;

/// <summary>The benchmark texts: real source code, real prose, and prose dense with (fake) secrets.</summary>
internal static partial class Corpus
{
    public const int CodeSize = 10 * 1024 * 1024;
    public const int ProseSize = 4 * 1024 * 1024;
    public const int SecretDenseSize = 2 * 1024 * 1024;

    private const string DotnetRoot = "/usr/share/dotnet";

    /// <summary>About 10 MB of source: this repository's C# plus the .NET SDK's MSBuild files, repeated if short.</summary>
    public static string Code() => Fill(CodeSources(), CodeSize);

    /// <summary>The same sources without the files in which the default engine finds anything (the masking rule
    /// catalog, which holds a fake example of every secret, and a few tests): clean code, as a developer's usually is.</summary>
    public static string CleanCode()
    {
        var engine = new MaskingEngine(new MaskingOptions());
        return Fill(CodeSources().Where(source => engine.Scan(source).Count == 0), CodeSize);
    }

    /// <summary>English prose: the summaries of the .NET reference documentation.</summary>
    public static string Prose() => Fill(ProseSources(), ProseSize);

    /// <summary>Prose with a fake secret, an e-mail or a card number about every 150 characters.</summary>
    public static string SecretDense()
    {
        var prose = Prose();
        var examples = BuiltInRules.All.Select(r => r.Example).ToArray();
        var builder = new StringBuilder(SecretDenseSize + 1024);
        var i = 0;
        var pos = 0;
        while (builder.Length < SecretDenseSize)
        {
            builder.Append(prose, pos, 150).Append(' ').Append(examples[i++ % examples.Length]).Append(' ');
            pos = (pos + 150) % (prose.Length - 200);
        }

        return builder.ToString();
    }

    public static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Gatehouse.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? Directory.GetCurrentDirectory();
    }

    private static IEnumerable<string> CodeSources()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)).Order())
        {
            yield return File.ReadAllText(file);
        }

        if (Directory.Exists(DotnetRoot))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(DotnetRoot, "sdk"), "*.*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                         .Where(File.Exists).Order())
            {
                yield return File.ReadAllText(file);
            }
        }
    }

    private static IEnumerable<string> ProseSources()
    {
        var packs = Path.Combine(DotnetRoot, "packs");
        if (!Directory.Exists(packs))
        {
            yield return "The quick brown fox jumps over the lazy dog while the gateway forwards every request. ";
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(packs, "*.xml", SearchOption.AllDirectories).Order())
        {
            var summaries = Summary().Matches(File.ReadAllText(file)).Select(m => Tag().Replace(m.Groups[1].Value, " "));
            yield return string.Join(" ", summaries.Select(s => Space().Replace(s, " ").Trim() + "\n"));
        }
    }

    private static string Fill(IEnumerable<string> sources, int size)
    {
        var parts = new List<string>();
        var total = 0;
        foreach (var part in sources)
        {
            parts.Add(part);
            total += part.Length;
            if (total >= size)
            {
                break;
            }
        }

        var builder = new StringBuilder(size + 1024);
        while (builder.Length < size)
        {
            foreach (var part in parts)
            {
                builder.Append(part);
                if (builder.Length >= size)
                {
                    break;
                }
            }
        }

        return builder.ToString(0, size);
    }

    [GeneratedRegex("<summary>(.*?)</summary>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
