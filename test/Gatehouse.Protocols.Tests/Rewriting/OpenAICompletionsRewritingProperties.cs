using System.Buffers;
using System.Text;
using System.Text.Json;
using CsCheck;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Testing;
using static Gatehouse.Protocols.Tests.Responses.Assembling;

namespace Gatehouse.Protocols.Tests.Rewriting;

/// <summary>
/// A streamed legacy completion, cut into any deltas and any byte chunks, with secrets anywhere (split across events
/// too), is masked exactly as masking the joined text of each choice would mask it, and keeps everything else as sent.
/// </summary>
public sealed class OpenAICompletionsRewritingProperties
{
    // The secret alone holds a 'Z', so the text around it never starts or ends one by accident.
    private const string Secret = "Zk-Sécret\"42\\🙂";

    // An unknown member the rewriter must pass on as written, spacing and all.
    private const string Unknown = "\"copilot_annotations\":{ \"k\" : [1, 2.50, \"v\\u00e9\"] }";

    private static readonly string[] Fragments =
        ["a", "def f(x):\n", "    return ", "wörld", "🙂", "\"", "\\", "\n", "\t", "\u0001", "é", "</script>", "'", "\u2028", "日本", "\\u0041", "Zk-", "k-S"];

    private static readonly Gen<string> Plain = Gen.OneOf(Fragments).Array[0, 30].Select(parts => string.Concat(parts).Replace("Zk-", "zk-", StringComparison.Ordinal));

    private static readonly Gen<string> Text = Gen.Select(
        Plain,
        Gen.Int[0, 3],
        Gen.Int[0, 1_000_000].Array[3],
        (plain, secrets, places) =>
        {
            var text = plain;
            for (var i = 0; i < secrets; i++)
            {
                text = text.Insert(SafeCut(text, places[i] % (text.Length + 1)), Secret);
            }

            return text;
        });

    [Fact]
    public void Stream_AnyDeltasAndChunking_EachChoiceIsItsJoinedTextMasked()
    {
        Gen.Select(Text, Text, Gen.Int[0, 1_000_000].Array[0, 12], Gen.Int[0, 1_000_000].Array[0, 12], Gen.Bool, Gen.Int[0, 1_000_000].Array[0, 40])
            .ForAll((first, second, firstCuts, secondCuts, finishWithText, splits) =>
            {
                var stream = Encoding.UTF8.GetBytes(Stream([Pieces(first, firstCuts), Pieces(second, secondCuts)], finishWithText));

                var output = Run(stream, splits.Select(s => s % (stream.Length + 1)), out var rewriter);

                Assert.Null(rewriter.Error);
                Assert.Equal(0, rewriter.UnknownShapes);
                var text = Encoding.UTF8.GetString(output);
                Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
                Assert.Equal([Masked(first), Masked(second)], ChoiceTexts(output));
                var events = Rewriting.Events(output);
                Assert.Equal("[DONE]", events[^1].Data);
                Assert.All(events.SkipLast(1), e => JsonDocument.Parse(e.Data).Dispose());

                // Every event the upstream sent keeps its unknown member as written; only synthetic ones lack it.
                var sent = Rewriting.Events(stream).Count(e => e.Data.Contains(Unknown, StringComparison.Ordinal));
                Assert.Equal(sent, events.Count(e => e.Data.Contains(Unknown, StringComparison.Ordinal)));
            }, iter: 400);
    }

    [Fact]
    public void Stream_NothingToMask_SameBytesWhateverTheChunking()
    {
        Gen.Select(Plain, Gen.Int[0, 1_000_000].Array[0, 12], Gen.Int[0, 1_000_000].Array[0, 40]).ForAll((text, cuts, splits) =>
        {
            var stream = Encoding.UTF8.GetBytes(Stream([Pieces(text, cuts)], finishWithText: true));

            var output = Run(stream, splits.Select(s => s % (stream.Length + 1)), out _);

            Assert.Equal(stream, output);
        }, iter: 200);
    }

    /// <summary>A Copilot-shaped stream: one chunk per delta, the choices' deltas interleaved, then finish, usage and [DONE].</summary>
    private static string Stream(List<string>[] choices, bool finishWithText)
    {
        var data = new List<(string?, string)>();
        var longest = choices.Max(c => c.Count);
        for (var i = 0; i < longest; i++)
        {
            for (var choice = 0; choice < choices.Length; choice++)
            {
                if (i < choices[choice].Count)
                {
                    data.Add((null, Chunk(choice, $"\"text\":{JsonText(choices[choice][i])},\"finish_reason\":null")));
                }
            }
        }

        for (var choice = 0; choice < choices.Length; choice++)
        {
            data.Add((null, Chunk(choice, finishWithText ? "\"text\":\"\",\"finish_reason\":\"stop\"" : "\"finish_reason\":\"length\"")));
        }

        data.Add((null, """{"id":"cmpl-1","created":1700000000,"model":"gpt-35-turbo","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}"""));
        data.Add((null, "[DONE]"));
        return Responses.SseText.Build([.. data]);
    }

    private static string Chunk(int choice, string members)
        => $"{{\"id\":\"cmpl-1\",\"created\":1700000000,\"model\":\"gpt-35-turbo\",\"choices\":[{{\"index\":{choice},{members},\"logprobs\":null}}],{Unknown}}}";

    private static string JsonText(string text) => JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static byte[] Run(byte[] stream, IEnumerable<int> splits, out IResponseRewriter rewriter)
    {
        rewriter = new ProtocolRegistry().Get(ApiKind.OpenAICompletions)!.CreateResponseRewriter(EventStream, new SecretRewriter(Secret));
        var output = new ArrayBufferWriter<byte>();
        foreach (var chunk in Chunking.Split(stream, splits))
        {
            rewriter.Append(chunk, output);
        }

        rewriter.Complete(output);
        rewriter.Dispose();
        return output.WrittenSpan.ToArray();
    }

    // The text each choice's deltas add up to, as a client joins them.
    private static string[] ChoiceTexts(byte[] output)
    {
        var texts = new[] { new StringBuilder(), new StringBuilder() };
        foreach (var (_, data) in Rewriting.Events(output).Where(e => e.Data != "[DONE]"))
        {
            using var document = JsonDocument.Parse(data);
            foreach (var choice in document.RootElement.GetProperty("choices").EnumerateArray())
            {
                if (choice.TryGetProperty("text", out var text))
                {
                    texts[choice.GetProperty("index").GetInt32()].Append(text.GetString());
                }
            }
        }

        return [.. texts.Select(t => t.ToString())];
    }

    private static List<string> Pieces(string text, int[] cuts)
    {
        var places = cuts.Select(c => SafeCut(text, c % (text.Length + 1))).Append(0).Append(text.Length).Distinct().Order().ToList();
        return places.Zip(places.Skip(1), (from, to) => text[from..to]).ToList();
    }

    private static int SafeCut(string text, int at) => at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) ? at - 1 : at;

    private static string Masked(string text) => text.Replace(Secret, SecretRewriter.Mask, StringComparison.Ordinal);
}
