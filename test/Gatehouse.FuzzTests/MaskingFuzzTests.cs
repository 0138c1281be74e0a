using CsCheck;
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
    public Task Mask_AnyText_NeverThrows_AndKeepsNoFindingInItsOutput() => FuzzBudget.RunAsync(seconds =>
        Texts.Sample(text => FuzzBudget.Timed(() =>
        {
            var result = Engine.Mask(text);
            var masked = result.TextOr(text);

            Assert.Equal(result.Findings.Count > 0, result.IsChanged);
            foreach (var finding in result.Findings)
            {
                var original = text.Substring(finding.Offset, finding.Length);
                Assert.True(original.Length < 8 || !masked.Contains(original, StringComparison.Ordinal), "a found secret stayed in the output");
            }
        }), time: seconds));

    [Fact]
    public Task StreamingRedactor_AnyTextInAnyChunking_ReleasesWhatTheWholeMaskReleases() => FuzzBudget.RunAsync(seconds =>
        Gen.Select(Texts, Mutations.Splits).Sample((text, splits) => FuzzBudget.Timed(() =>
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

            Assert.Equal(Engine.Mask(text).TextOr(text), released.ToString());
        }), time: seconds));
}
