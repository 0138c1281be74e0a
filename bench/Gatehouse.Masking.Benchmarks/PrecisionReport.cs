using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gatehouse.Masking.Benchmarks;

/// <summary>
/// Precision on real code: secret-category findings per MB over the JavaScript and TypeScript of the npm packages
/// pinned in <c>bench/precision/package.json</c> (installed at benchmark time into its gitignored node_modules, with
/// <c>npm ci --ignore-scripts</c>; their files are never committed). Code written by others that holds no real secret:
/// every finding is a false positive or a documentation example, listed by rule with its place and its line, masked.
/// </summary>
internal static class PrecisionReport
{
    private static readonly string[] Extensions = [".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx"];

    public static int Run(string[] args)
    {
        var root = Path.Combine(Corpus.RepositoryRoot(), "bench", "precision");
        var modules = Path.Combine(root, "node_modules");
        if (!Directory.Exists(modules))
        {
            Console.Error.WriteLine($"precision: no corpus at {modules}; run `npm ci --ignore-scripts` in {root} first");
            return 2;
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "package.json")));
        var packages = manifest.RootElement.GetProperty("dependencies").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var engine = new MaskingEngine(new MaskingOptions());
        var show = args.Contains("--show");

        long bytes = 0;
        var files = 0;
        var findings = new List<(string Rule, string Place, string Line, bool Placeholder)>();
        foreach (var package in packages)
        {
            foreach (var file in SourceFiles(Path.Combine(modules, package)))
            {
                var text = File.ReadAllText(file);
                bytes += Encoding.UTF8.GetByteCount(text);
                files++;
                var result = engine.Mask(text);
                foreach (var finding in result.Findings.Where(f => f.Category == RuleCategory.Secret))
                {
                    var line = text.AsSpan(0, finding.Offset).Count('\n') + 1;
                    findings.Add((finding.RuleId, $"{Path.GetRelativePath(modules, file)}:{line}", MaskedLine(result.TextOr(text), line), finding.Placeholder));
                }
            }
        }

        var megabytes = bytes / 1_000_000.0;
        Console.WriteLine($"precision corpus: {packages.Count} packages, {files} files, {megabytes.ToString("F1", CultureInfo.InvariantCulture)} MB of JS/TS");
        Console.WriteLine($"secret findings: {findings.Count}  per MB: {(findings.Count / megabytes).ToString("F3", CultureInfo.InvariantCulture)}");
        var real = findings.Count(f => !f.Placeholder);
        Console.WriteLine($"excluding placeholders: {real}  per MB: {(real / megabytes).ToString("F3", CultureInfo.InvariantCulture)}");
        foreach (var group in findings.GroupBy(f => f.Rule).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Key} x{group.Count()} ({group.Count(f => f.Placeholder)} placeholders)");
            foreach (var (_, place, line, placeholder) in show ? group : group.Take(3))
            {
                Console.WriteLine($"    {place}: {line}{(placeholder ? "  [placeholder]" : "")}");
            }
        }

        return 0;
    }

    /// <summary>The package's own source files, not those of dependencies nested under it.</summary>
    private static IEnumerable<string> SourceFiles(string package) =>
        Directory.EnumerateFiles(package, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(package, f).Split(Path.DirectorySeparatorChar).Contains("node_modules") &&
                Extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    /// <summary>The finding's line of the masked text, cut to 160 characters (minified code has very long lines).</summary>
    private static string MaskedLine(string masked, int line)
    {
        var text = masked.Split('\n')[line - 1].Trim();
        var at = text.IndexOf("[MASKED:", StringComparison.Ordinal);
        var from = Math.Max(0, Math.Min(at < 0 ? 0 : at - 80, text.Length - 160));
        return text.Substring(from, Math.Min(160, text.Length - from));
    }
}
