using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using CsCheck;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Mutated request bodies posted to the running gateway (<c>GATEHOUSE_FUZZ_INPUTS</c> of them, default 400, the same ones
/// every run unless <c>GATEHOUSE_PROPERTY_SEED</c> says otherwise): whatever the
/// bytes, the answer is never a 500 (an exception escaping the data path) and never a hang.
/// </summary>
public sealed class FuzzEndToEndTests : GatewayTest
{
    private static readonly (string Path, string Body)[] Seeds =
    [
        ("openai/v1/chat/completions", """{"model":"gpt-test","stream":true,"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],"tools":[{"type":"function","function":{"name":"edit","parameters":{}}}]}"""),
        ("openai/v1/responses", """{"model":"gpt-test","input":[{"role":"user","content":[{"type":"input_text","text":"hi"}]}],"instructions":"x"}"""),
        ("anthropic/v1/messages", """{"model":"claude","max_tokens":10,"system":"s","messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}"""),
        ("raw/upload", """{"any":"json","nested":{"list":[1,"two",null]}}"""),
    ];

    private static readonly string[] Tokens = ["\\u0000", "\\ud800", "\"", "\\", "{", "}", "[", "]", ",", ":", "null", "1e999", "\"model\":", "\"messages\":", "\"content\":", "\u00ff", "\n"];

    [Fact]
    public async Task MutatedBodies_NeverGet500_AndEveryAnswerArrivesInTime()
    {
        Upstream.Handler = (context, received) => received.PathAndQuery.Contains("chat", StringComparison.Ordinal)
            ? Sse.WriteAsync(context, OpenAIShapes.StreamEvents(["fine"]))
            : context.Response.WriteAsync(OpenAIShapes.Completion("fine"));
        using var client = Gateway.Client(Gateway.Token("fuzz"));
        client.Timeout = TimeSpan.FromSeconds(60);
        var statuses = new Dictionary<int, int>();
        var gen = Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, 6], Gen.Int.Array[18]);

        await gen.ForAllAsync(async (seed, mutations, picks) =>
        {
            var (path, body) = Seeds[seed];
            var mutated = Mutate(body, mutations, picks);
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsync(path, new ByteArrayContent(mutated) { Headers = { ContentType = new("application/json") } }, TestContext.Current.CancellationToken);
            await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            // A body that left the gateway waiting (for bytes that never come, say) hangs until the client gives up; an
            // answer, even on a busy machine, comes in well under the bound.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{path} took {watch.Elapsed}");
            lock (statuses)
            {
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            }
        }, Inputs, print: t => $"seed {t.Item1}, {t.Item2} mutations, picks {string.Join(',', t.Item3)}");

        // Both sides of the line were exercised: bodies that passed and bodies that were refused.
        Assert.Contains(200, statuses.Keys);
        Assert.Contains(400, statuses.Keys);
    }

    private static long Inputs
        => long.TryParse(Environment.GetEnvironmentVariable("GATEHOUSE_FUZZ_INPUTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 400;

    private static byte[] Mutate(string body, int count, int[] picks)
    {
        var text = new StringBuilder(body);
        for (var i = 0; i < count; i++)
        {
            var pick = (uint)picks[i * 2 % picks.Length];
            var at = (int)(pick % (uint)(text.Length + 1));
            var other = (uint)picks[(i * 2 + 1) % picks.Length];
            switch (pick % 3)
            {
                case 0 when at < text.Length:
                    text.Remove(at, (int)Math.Min(1 + (other % 8), (uint)(text.Length - at)));
                    break;
                case 1:
                    text.Insert(at, Tokens[other % (uint)Tokens.Length]);
                    break;
                default:
                    text.Insert(at, body.AsSpan((int)(other % (uint)body.Length), Math.Min(12, body.Length - (int)(other % (uint)body.Length))));
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
