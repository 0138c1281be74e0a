using System.Diagnostics;
using Gatehouse.Masking.Detection;

namespace Gatehouse.Masking.Benchmarks;

/// <summary>
/// Where the time of a whole-text scan goes, stage by stage, each the best of several rounds next to a plain copy of
/// the same text (the machine is shared, so the ratio is the stable figure).
/// </summary>
internal static class Profile
{
    private const int Rounds = 7;

    public static int Run()
    {
        var engine = new MaskingEngine(new MaskingOptions());
        var set = engine.RuleSet;
        var noNumbers = new MaskingEngine(new MaskingOptions { Pii = new PiiOptions { Phone = false, PaymentCard = false, Iban = false, UsSsn = false } }).RuleSet;
        var keywords = set.Keywords.Keywords.ToArray();
        var all = new QuadFilter(keywords);
        var longOnly = new QuadFilter([.. keywords.Where(k => k.Length >= 3)]);
        var fourPlus = new QuadFilter([.. keywords.Where(k => k.Length >= 4)]);
        var single = new QuadFilter(["zq_x"]);
        var allAvx2 = new QuadFilter(keywords, QuadFilterPath.Avx2);
        var corpora = new[]
        {
            ("code", Corpus.Code()), ("prose", Corpus.Prose()), ("secret-dense", Corpus.SecretDense()),
            ("agent prompt", ScanCacheBenchmarks.AgentPrompt()),
        };
        Console.WriteLine($"keyword filter path: {all.Path}");
        for (var pass = 0; pass < 2; pass++)
        {
            // The first pass only lets the tiered JIT reach its optimised code.
            Console.WriteLine(pass == 0 ? "warm-up pass" : "measured pass");
            foreach (var (name, text) in corpora)
            {
                var copy = new char[text.Length];
                var copyMs = Best(() =>
                {
                    text.AsSpan().CopyTo(copy);
                    return copy.Length;
                });
                Console.WriteLine($"{name}: {text.Length} chars, copy {copyMs:F2} ms");
                Report("keyword hits, all keywords", copyMs, text.Length, () => CountHits(text, all));
                Report("keyword hits, all, AVX2 path", copyMs, text.Length, () => CountHits(text, allAvx2));
                Report("keyword hits, keywords of 3+ chars", copyMs, text.Length, () => CountHits(text, longOnly));
                Report("keyword hits, keywords of 4+ chars", copyMs, text.Length, () => CountHits(text, fourPlus));
                Report("keyword hits, one rare keyword", copyMs, text.Length, () => CountHits(text, single));
                Report("scan without number rules", copyMs, text.Length, () => ScanCount(noNumbers, text));
                Report("full scan", copyMs, text.Length, () => ScanCount(set, text));
                Report("mask (scan + resolve + redact)", copyMs, text.Length, () => engine.Mask(text).Findings.Count);
            }

            Thread.Sleep(1000);
        }

        var dense = corpora[2].Item2;
        var denseCopy = new char[dense.Length];
        var denseCopyMs = Best(() =>
        {
            dense.AsSpan().CopyTo(denseCopy);
            return denseCopy.Length;
        });
        Console.WriteLine("secret-dense, one number rule at a time (no keyword rules):");
        foreach (var rule in engine.RuleSet.NumericRules)
        {
            var one = new CompiledRuleSet([rule.Rule], _ => Gatehouse.Masking.Redaction.RedactionStyle.Marker);
            Report(rule.Rule.Id, denseCopyMs, dense.Length, () => ScanCount(one, dense));
        }

        var code = corpora[0].Item2;
        var numbers = new CompiledRuleSet([.. engine.RuleSet.NumericRules.Select(r => r.Rule)], _ => Gatehouse.Masking.Redaction.RedactionStyle.Marker);
        Report("all number rules, secret-dense", denseCopyMs, dense.Length, () => ScanCount(numbers, dense));
        var codeCopy = new char[code.Length];
        var codeCopyMs = Best(() =>
        {
            code.AsSpan().CopyTo(codeCopy);
            return codeCopy.Length;
        });
        Report("all number rules, code", codeCopyMs, code.Length, () => ScanCount(numbers, code));

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var hits = new KeywordHit[all.MaxAtOnePosition + 256];
        for (var pos = 0; pos < code.Length;)
        {
            foreach (var hit in hits.AsSpan(0, all.Collect(code, pos, hits, out pos)))
            {
                counts[keywords[hit.Keyword]] = counts.GetValueOrDefault(keywords[hit.Keyword]) + 1;
            }
        }

        Console.WriteLine("most frequent keyword hits in code, and a scan of code with only that keyword's rules:");
        foreach (var (k, v) in counts.OrderByDescending(kv => kv.Value).Take(12))
        {
            var rules = engine.RuleSet.Rules.Select(r => r.Rule).Where(r => r.Keywords.Contains(k, StringComparer.OrdinalIgnoreCase)).ToArray();
            var only = new CompiledRuleSet(rules, _ => Gatehouse.Masking.Redaction.RedactionStyle.Marker);
            Report($"{k} ({v} hits, {rules.Length} rules)", codeCopyMs, code.Length, () => ScanCount(only, code));
        }

        return 0;
    }

    private static void Report(string stage, double copyMs, int chars, Func<long> run)
    {
        var result = 0L;
        var ms = Best(() => result = run());
        Console.WriteLine($"  {stage,-32} {ms,8:F2} ms  {chars / ms / 1000,7:F0} Mchar/s  {ms / copyMs,6:F0}x copy  ({result})");
    }

    private static double Best(Func<long> run)
    {
        var best = double.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var start = Stopwatch.GetTimestamp();
            run();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return best;
    }

    private static long CountHits(string text, QuadFilter filter)
    {
        var hits = new KeywordHit[filter.MaxAtOnePosition + 256];
        var count = 0L;
        for (var pos = 0; pos < text.Length;)
        {
            count += filter.Collect(text, pos, hits, out pos);
        }

        return count;
    }

    private static long ScanCount(CompiledRuleSet set, string text)
    {
        var list = default(PooledList<Candidate>);
        Scanner.Scan(set, text, 0, true, ref list);
        var count = list.Count;
        list.Dispose();
        return count;
    }
}
