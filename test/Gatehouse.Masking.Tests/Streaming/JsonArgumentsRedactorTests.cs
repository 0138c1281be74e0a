using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Streaming;

public sealed class JsonArgumentsRedactorTests
{
    private static readonly MaskingEngine Engine = TestEngines.Everything;

    private static readonly string[] Secrets =
        [.. BuiltInRules.All.Where(r => r.Category == RuleCategory.Secret).Select(r => r.Example)];

    private static readonly Gen<string> Value =
        Gen.Frequency(
                (3, Gen.OneOf("ls -la", " ", "\"", "\\", "\n", "é", "😀", "{\"a\":1}", "</script>", "-----END X-----")),
                (1, Gen.OneOf(Secrets)))
            .Array[0, 6].Select(parts => string.Concat(parts));

    private static readonly Gen<Dictionary<string, string>> Arguments =
        Gen.Select(Gen.OneOf("command", "password", "api_key", "path", "body", "note"), Value)
            .Array[1, 5].Select(pairs => pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2));

    [Fact]
    public void Push_AnyChunkingOfAnyArguments_ReassemblesToValidJsonWithoutTheSecrets()
    {
        Gen.Select(Arguments, Gen.Bool, Gen.Int[0, 10_000].Array[0, 10]).ForAll((arguments, relaxed, cuts) =>
        {
            var json = JsonSerializer.Serialize(arguments, relaxed
                ? new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }
                : JsonSerializerOptions.Default);
            using var redactor = Engine.CreateJsonArgumentsRedactor();
            var output = string.Concat(Split(json, cuts).Select(redactor.Push)) + redactor.Flush();

            var parsed = JsonSerializer.Deserialize<Dictionary<string, string>>(output)!;
            Assert.Equal(arguments.Keys.Order(), parsed.Keys.Order());
            var capped = redactor.Findings.Any(f => f.RuleId == "holdback-limit");
            foreach (var (key, value) in parsed)
            {
                // A value is masked as the same text after its key would be outside JSON.
                var context = "\"" + key + "\": \"";
                var expected = Engine.Mask(context + arguments[key]).TextOr(context + arguments[key]);
                Assert.StartsWith(context, expected, StringComparison.Ordinal);
                if (capped)
                {
                    // Past the cap (chained secrets longer than it) the redactor masks more than the whole-text scan,
                    // never less.
                    var hidden = StreamingRedactorPropertyTests.HiddenFragments(context + arguments[key], expected);
                    Assert.DoesNotContain(hidden, f => value.Contains(f, StringComparison.Ordinal));
                    continue;
                }

                Assert.Equal(expected[context.Length..], value);
            }
        }, iter: 300);
    }

    [Fact]
    public void Push_PasswordKeyBeforeValue_MasksTheValueByItsKey()
    {
        using var redactor = Engine.CreateJsonArgumentsRedactor();

        var output = redactor.Push("{\"password\": \"Zq8vRk2") + redactor.Push("Lm9Tx4Wp7\", \"n\": 1}") + redactor.Flush();

        Assert.Equal("{\"password\": \"[MASKED:generic-secret]\", \"n\": 1}", output);
        Assert.Equal("generic-secret", Assert.Single(redactor.Findings).RuleId);
    }

    [Fact]
    public void Push_UnterminatedPrivateKeyInString_KeepsTheClosingQuote()
    {
        using var redactor = Engine.CreateJsonArgumentsRedactor();
        var json = "{\"key\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\"}";

        var output = string.Concat(json.Select(c => redactor.Push(c.ToString()))) + redactor.Flush();

        Assert.Equal("{\"key\":\"[MASKED:private-key]\"}", output);
    }

    private static IEnumerable<string> Split(string text, int[] cuts)
    {
        var points = cuts.Select(c => c % (text.Length + 1)).Append(0).Append(text.Length).Distinct().Order().ToList();
        return points.Zip(points.Skip(1), (a, b) => text[a..b]);
    }
}
