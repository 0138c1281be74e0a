using CsCheck;
using Gatehouse.Testing;
using Gatehouse.Masking;

namespace Gatehouse.FuzzTests;

/// <summary>The masking engine on random text and near-secrets: no exception, bounded time, and no found secret kept.</summary>
public sealed class MaskingFuzzTests
{
    private static readonly MaskingEngine Engine = new(new MaskingOptions { FingerprintKey = new byte[32] });

    private static readonly Gen<string> Alnum = Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"].Array[8, 60].Select(c => new string(c));

    // Shapes of real secrets (prefix + body), built at run time, then mangled: cut short, case-flipped, split by noise.
    private static readonly Gen<string> NearSecrets = Gen.Select(
        Gen.OneOf("ghp_", "github_pat_", "AKIA", "sk-", "sk-ant-api03-", "xoxb-", "glpat-", "AIza", "-----BEGIN RSA PRIVATE KEY-----\n", "eyJhbGciOiJIUzI1NiJ9.", "postgres://u:", "password="),
        Alnum,
        Gen.OneOf("", " ", "\n", "\"", "\\u0067", "\u200B", "=", "%", "@host:5432/db", "-----END RSA PRIVATE KEY-----"),
        Gen.Int[0, 3]).Select((prefix, body, noise, mangle) => mangle switch
        {
            0 => prefix + body,
            1 => prefix + body[..(body.Length / 2)] + noise + body[(body.Length / 2)..],
            2 => prefix.ToUpperInvariant() + body,
            _ => noise + prefix + body + noise,
        });

    private static readonly Gen<string> Texts = Gen.Frequency(
        (3, Gen.Select(Gen.String, NearSecrets, Gen.String).Select((a, s, b) => a + " " + s + " " + b)),
        (1, Gen.String[0, 400]),
        (1, NearSecrets.Array[1, 8].Select(parts => string.Join(' ', parts))));

    [Fact]
    public Task Mask_AnyText_NeverThrows_AndKeepsNoFindingInItsOutput() => FuzzBudget.RunAsync(() =>
        Texts.ForAll(text => FuzzBudget.Timed(() =>
        {
            var result = Engine.Mask(text);
            var masked = result.TextOr(text);

            Assert.Equal(result.Findings.Count > 0, result.IsChanged);
            foreach (var finding in result.Findings)
            {
                // The same characters may also stand elsewhere, where nothing was found (a value "-----END" before a
                // real end line): the output may hold those occurrences, never more.
                var original = text.Substring(finding.Offset, finding.Length);
                Assert.True(
                    original.Length < 8 || Occurrences(masked, original) <= OccurrencesOutside(text, original, result.Findings),
                    "a found secret stayed in the output");
            }
        }), FuzzBudget.Inputs(2_000)));

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static int OccurrencesOutside(string text, string value, IReadOnlyList<Finding> findings)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            var start = at;
            count += findings.Any(f => start < f.Offset + f.Length && f.Offset < start + value.Length) ? 0 : 1;
        }

        return count;
    }

    [Fact]
    public Task StreamingRedactor_AnyTextInAnyChunking_ReleasesWhatTheWholeMaskReleases() => FuzzBudget.RunAsync(() =>
        Gen.Select(Texts, Mutations.Splits).ForAll((text, splits) => FuzzBudget.Timed(() =>
        {
            using var redactor = Engine.CreateStreamingRedactor();
            var released = new System.Text.StringBuilder();
            var offset = 0;
            foreach (var size in splits)
            {
                var take = Math.Min(size, text.Length - offset);
                released.Append(redactor.Push(text.Substring(offset, take)));
                offset += take;
            }

            released.Append(redactor.Push(text[offset..])).Append(redactor.Flush());

            var whole = Engine.Mask(text);
            if (redactor.Findings.Any(f => f.RuleId == "holdback-limit"))
            {
                // Past the hold-back cap the redactor masks more than the whole-text scan, never less.
                var output = released.ToString();
                Assert.All(whole.Findings, f =>
                {
                    var original = text.Substring(f.Offset, f.Length);
                    Assert.True(original.Length < 8 || Occurrences(output, original) <= OccurrencesOutside(text, original, whole.Findings));
                });
                return;
            }

            Assert.Equal(whole.TextOr(text), released.ToString());
        }), FuzzBudget.Inputs(2_000)));
}
