using System.Text;
using Gatehouse.Masking.Rules;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Benchmarks;

/// <summary>
/// Recall and precision on the built-in corpus: every rule's fake example in several contexts (positives); truncated
/// examples, placeholders, this repository's source and documentation prose (negatives). Optionally writes the rule
/// list with examples as markdown.
/// </summary>
internal static class DetectionReport
{
    private static readonly string[] Contexts =
        ["{0}", "value: {0}\n", "{{\"arg\": \"{0}\"}}", "export VALUE={0}\n", "See ({0}) for details.", "<td>{0}</td>"];

    private static readonly string[] Placeholders =
    [
        "password = \"changeme\"", "api_key: ${API_KEY}", "token = \"<your-token-here>\"", "secret: xxxxxxxxxxxx",
        "password: os.environ['DB_PASSWORD']", "token = getToken(user);", "AKIAEXAMPLE", "ghp_notarealtoken",
        "card 1234 5678 9012 3456", "ssn 000-12-3456", "call 555-0100", "version 1.2.3.4", "sha 3f786850e387550fdab836ed7e6dc881de23001b",
    ];

    public static int Run(string[] args)
    {
        var engine = new MaskingEngine(new MaskingOptions
        {
            Pii = new PiiOptions { IpAddresses = true },
            InternalHostPatterns = ["*.corp.example.com"],
        });
        var rules = BuiltInRules.All.Append(InternalHostRules.Create("*.corp.example.com", 0)).ToList();

        var truePositives = 0;
        var falseNegatives = new List<string>();
        foreach (var rule in rules)
        {
            foreach (var context in Contexts)
            {
                if (engine.Scan(string.Format(System.Globalization.CultureInfo.InvariantCulture, context, rule.Example)).Any(f => f.RuleId == rule.Id))
                {
                    truePositives++;
                }
                else
                {
                    falseNegatives.Add($"{rule.Id} in {context.Replace("\n", "\\n", StringComparison.Ordinal)}");
                }
            }
        }

        var negatives = NearMisses(engine, rules).Concat(Placeholders).Concat(SourceFiles()).Append(Corpus.Prose()[..500_000]).ToList();
        var falsePositives = new List<string>();
        foreach (var negative in negatives)
        {
            foreach (var finding in engine.Scan(negative))
            {
                falsePositives.Add(finding.RuleId);
            }
        }

        var positives = rules.Count * Contexts.Length;
        Console.WriteLine($"rules: {rules.Count} ({rules.Count(r => r.Category == RuleCategory.Secret)} secret types)");
        Console.WriteLine($"positives: {positives}  detected: {truePositives}  recall: {(double)truePositives / positives:P2}");
        Console.WriteLine($"negative samples: {negatives.Count} ({negatives.Sum(n => n.Length)} chars)  false positives: {falsePositives.Count}  " +
            $"precision: {(double)truePositives / (truePositives + falsePositives.Count):P2}");
        foreach (var miss in falseNegatives.Take(20))
        {
            Console.WriteLine($"  missed: {miss}");
        }

        foreach (var group in falsePositives.GroupBy(id => id).OrderByDescending(g => g.Count()).Take(20))
        {
            Console.WriteLine($"  false positive: {group.Key} x{group.Count()}");
        }

        var docs = Array.IndexOf(args, "--write-docs");
        if (docs >= 0 && docs + 1 < args.Length)
        {
            File.WriteAllText(args[docs + 1], Markdown(rules, truePositives, positives, falsePositives.Count) + HandWritten(args[docs + 1]));
            Console.WriteLine($"wrote {args[docs + 1]}");
        }

        return 0;
    }

    /// <summary>The hand-written part of the existing page, from its marker line on (kept when the table is rewritten).</summary>
    private static string HandWritten(string path)
    {
        const string Marker = "<!-- Written by hand: the generator keeps everything from this line on. -->";
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        var at = existing.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? "" : Environment.NewLine + existing[at..];
    }

    /// <summary>Each example cut to its first few characters: the format's prefix without the body.</summary>
    private static IEnumerable<string> NearMisses(MaskingEngine engine, IEnumerable<MaskingRule> rules)
    {
        foreach (var rule in rules)
        {
            var finding = engine.Scan(rule.Example).FirstOrDefault(f => f.RuleId == rule.Id);
            if (finding.RuleId is not null)
            {
                yield return rule.Example[..(finding.Offset + Math.Min(finding.Length / 3, 5))] + " and more text";
            }
        }
    }

    private static IEnumerable<string> SourceFiles()
    {
        var root = Corpus.RepositoryRoot();
        return Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/Catalog/", StringComparison.Ordinal))
            .Order()
            .Select(File.ReadAllText);
    }

    private static string Markdown(IReadOnlyList<MaskingRule> rules, int truePositives, int positives, int falsePositives)
    {
        var md = new StringBuilder();
        md.AppendLine("# Detection rules").AppendLine();
        md.AppendLine("Generated by `dotnet run -c Release --project bench/Gatehouse.Masking.Benchmarks -- --detection --write-docs docs/detection.md`.");
        md.AppendLine("Every example is a fake value built to satisfy the format (checksummed formats carry a valid checksum); none belongs to a real account.").AppendLine();
        md.AppendLine($"Corpus result: recall {(double)truePositives / positives:P2} ({truePositives}/{positives} positives), " +
            $"{falsePositives} false positives on the negative corpus (near misses, placeholders, this repository's source, 500k characters of prose).").AppendLine();
        md.AppendLine("Keyword rules run their pattern only near their keyword; number rules (`payment-card`, `iban`, `us-ssn`, phones, `ipv4`) are anchored by runs of digits. " +
            "`ipv4`/`ipv6` are off by default; `internal-host` rules come from `InternalHostPatterns`.").AppendLine();
        md.AppendLine("The gateway runs the rules on decoded text: each JSON string and property name after its escapes are decoded, each form or query " +
            "name and value after percent-decoding, one string at a time (see [configuration.md](configuration.md#masking)).").AppendLine();
        md.AppendLine("| Rule id | Category | Finds | Fake example |");
        md.AppendLine("|---|---|---|---|");
        foreach (var rule in rules)
        {
            var example = rule.Example.Replace("\n", "\\n", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
            md.AppendLine($"| `{rule.Id}` | {rule.Category} | {rule.Description.Replace("|", "\\|", StringComparison.Ordinal)} | `{example}` |");
        }

        return md.ToString();
    }
}
