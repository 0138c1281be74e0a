using System.Diagnostics;
using Gatehouse.Masking.Detection;

namespace Gatehouse.Masking.Benchmarks;

/// <summary>Where the time of a whole-text scan goes: prefilter alone, hits per keyword, full scan.</summary>
internal static class Profile
{
    public static int Run()
    {
        var engine = new MaskingEngine(new MaskingOptions());
        var fp = engine.Fingerprinter;
        for (var round = 0; round < 2; round++)
        {
            var t0 = Stopwatch.GetTimestamp();
            for (var i = 0; i < 10_000; i++)
            {
                fp.Fingerprint("ghp_EXAMPLE0123456789abcdefghijklmnopq");
            }

            Console.WriteLine($"10k fingerprints: {Stopwatch.GetElapsedTime(t0).TotalMilliseconds:F1} ms");
        }

        var dense = Corpus.SecretDense();
        for (var round = 0; round < 3; round++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var scanned = engine.Scan(dense).Count;
            var t1 = Stopwatch.GetTimestamp();
            var masked = engine.Mask(dense).Findings.Count;
            Console.WriteLine($"secret-dense scan {Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds:F1} ms, mask {Stopwatch.GetElapsedTime(t1).TotalMilliseconds:F1} ms ({scanned}/{masked})");
        }

        var set = engine.RuleSet;
        var text = Corpus.Code();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var literals = System.Buffers.SearchValues.Create(
            Gatehouse.Masking.Rules.Catalog.BuiltInRules.All.SelectMany(r => r.Keywords).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            StringComparison.OrdinalIgnoreCase);
        var start = Stopwatch.GetTimestamp();
        var pos = 0;
        var hits = 0;
        while (true)
        {
            var rel = text.AsSpan(pos).IndexOfAny(literals);
            if (rel < 0)
            {
                break;
            }

            pos += rel + 1;
            hits++;
        }

        Console.WriteLine($"SearchValues<string> over all keywords (for comparison): {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1} ms, {hits} hits");
        for (var round = 0; round < 3; round++)
        {
            start = Stopwatch.GetTimestamp();
            pos = 0;
            hits = 0;
            while (true)
            {
                var next = set.Keywords.NextCandidate(text, pos);
                if (next < 0)
                {
                    break;
                }

                pos = next + 1;
                hits++;
            }

            Console.WriteLine($"trigram filter: {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1} ms, {hits} candidates");
        }

        var all = Gatehouse.Masking.Rules.Catalog.BuiltInRules.All.SelectMany(r => r.Keywords).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var (label, filter) in new (string, Func<string, bool>)[] { ("first 8", k => all.IndexOf(k) < 8), ("first 16", k => all.IndexOf(k) < 16), ("first 32", k => all.IndexOf(k) < 32), ("first 64", k => all.IndexOf(k) < 64), ("no 1-char", k => k.Length > 1), ("len>=3", k => k.Length >= 3), ("len>=4", k => k.Length >= 4), ("case-sensitive all", k => true) })
        {
            var kws = all.Where(filter).ToArray();
            var sv = System.Buffers.SearchValues.Create(kws, label.StartsWith("case", StringComparison.Ordinal) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
            start = Stopwatch.GetTimestamp();
            pos = 0;
            hits = 0;
            while (true)
            {
                var rel = text.AsSpan(pos).IndexOfAny(sv);
                if (rel < 0)
                {
                    break;
                }

                pos += rel + 1;
                hits++;
            }

            Console.WriteLine($"{label}: {kws.Length} keywords {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1} ms, {hits} hits");
        }

        pos = 0;
        while (true)
        {
            var rel = text.AsSpan(pos).IndexOfAny(literals);
            if (rel < 0)
            {
                break;
            }

            var hit = pos + rel;
            foreach (var entry in set.Keywords.StartingWith(text[hit]))
            {
                if (text.AsSpan(hit).StartsWith(entry.Keyword, StringComparison.OrdinalIgnoreCase))
                {
                    counts[entry.Keyword] = counts.GetValueOrDefault(entry.Keyword) + 1;
                }
            }

            pos = hit + 1;
        }

        foreach (var (k, v) in counts.OrderByDescending(kv => kv.Value).Take(25))
        {
            Console.WriteLine($"  {k,-20} {v}");
        }

        var list = default(PooledList<Candidate>);
        for (var i = 0; i < 3; i++)
        {
            list.Clear();
            start = Stopwatch.GetTimestamp();
            Scanner.Scan(set, text, 0, true, ref list);
            Console.WriteLine($"full scan {i}: {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1} ms");
        }

        start = Stopwatch.GetTimestamp();
        Scanner.Scan(set, text, 0, true, ref list);
        Console.WriteLine($"full scan: {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1} ms, {list.Count} candidates");
        var noNumbers = new MaskingEngine(new MaskingOptions { Pii = new PiiOptions { Phone = false, PaymentCard = false, Iban = false, UsSsn = false } }).RuleSet;
        list.Clear();
        start = Stopwatch.GetTimestamp();
        Scanner.Scan(noNumbers, text, 0, true, ref list);
        Console.WriteLine($"scan without number rules: {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1} ms, {list.Count} candidates");
        foreach (var (label, pii) in new (string, PiiOptions)[]
        {
            ("phone", new PiiOptions { PaymentCard = false, Iban = false, UsSsn = false }),
            ("card", new PiiOptions { Phone = false, Iban = false, UsSsn = false }),
            ("iban", new PiiOptions { Phone = false, PaymentCard = false, UsSsn = false }),
            ("ssn", new PiiOptions { Phone = false, PaymentCard = false, Iban = false }),
        })
        {
            var one = new MaskingEngine(new MaskingOptions { Pii = pii }).RuleSet;
            list.Clear();
            start = Stopwatch.GetTimestamp();
            Scanner.Scan(one, text, 0, true, ref list);
            Console.WriteLine($"scan with only {label}: {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1} ms");
        }

        var tokens = 0;
        var qualifying = 0;
        var from = 0;
        start = Stopwatch.GetTimestamp();
        while (NumericTokens.TryFindNext(text, from, out var s0, out _, out var runEnd, out var q))
        {
            from = Math.Max(runEnd, s0 + 1);
            tokens++;
            qualifying += q ? 1 : 0;
        }

        Console.WriteLine($"numeric runs only: {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1} ms, {tokens} runs, {qualifying} qualifying");
        return 0;
    }
}
