using System.Buffers;
using System.Text;
using System.Text.Json;
using CsCheck;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Testing;
using static Gatehouse.Protocols.Tests.Responses.Assembling;

namespace Gatehouse.Protocols.Tests.Rewriting;

/// <summary>
/// The response rewriters edit each event in the bytes of its one parse; these properties hold them to the JsonNode
/// rewriters they replaced (the frozen copy in <c>Legacy/</c>): the same bytes for any text, secret and chunking.
/// </summary>
public sealed class SplicedRewritingProperties
{
    private const string Secret = "sk-Sécret\"42\\🙂";

    private static readonly ApiKind[] Apis = [ApiKind.OpenAIChat, ApiKind.OpenAIResponses, ApiKind.AnthropicMessages];

    // Pieces of text that exercise escaping: quotes, backslashes, controls, non-ASCII, surrogate pairs, HTML-ish text.
    private static readonly string[] Fragments =
        ["a", "Hello ", "wörld", "🙂", "\"", "\\", "\n", "\t", "\u0001", "\u001f", "é", "</script>", "&", "'", "\u2028", "日本", "\\u0041", "sk-", "Sé"];

    private static readonly Gen<string> Text = Gen.Select(
        Gen.OneOf(Fragments).Array[0, 40],
        Gen.Int[0, 3],
        Gen.Int[0, 1_000_000].Array[3],
        Gen.Int[0, 2_000],
        (parts, secrets, places, padding) =>
        {
            var text = new StringBuilder(string.Concat(parts)).Append('x', padding % 7 == 0 ? padding * 10 : 0).ToString();
            for (var i = 0; i < secrets; i++)
            {
                text = text.Insert(SafeCut(text, places[i] % (text.Length + 1)), Secret);
            }

            return text;
        });

    [Fact]
    public void Stream_RandomTextSecretsAndChunking_SameBytesAsTheJsonNodeRewriter()
    {
        Gen.Select(Gen.OneOf(Apis), Text, Gen.Int[0, 1_000_000].Array[0, 12], Gen.Bool, Text, Gen.Int[0, 1_000_000].Array[0, 30])
            .ForAll((api, text, cuts, logprobs, arguments, splits) =>
            {
                var pieces = Pieces(text, cuts);
                var stream = Encoding.UTF8.GetBytes(MaskedEvents.Stream(api, pieces, logprobs, arguments));
                var chunking = splits.Select(s => s % (stream.Length + 1)).ToArray();

                var (expected, legacyError) = RunLegacy(api, EventStream, stream, chunking);
                var (actual, rewriter) = Run(api, EventStream, stream, chunking);

                Assert.Null(legacyError);
                Assert.Null(rewriter.Error);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"{api}: expected {Encoding.UTF8.GetString(expected)}\nactual   {Encoding.UTF8.GetString(actual)}");
                var summary = Responses.Assembling.Run(api, EventStream, actual);
                Assert.Null(summary.Error);
                Assert.Equal(Masked(text), summary.Text);
                Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(actual), StringComparison.Ordinal);
                Assert.All(Rewriting.Events(actual).Where(e => e.Data != "[DONE]"), e => JsonDocument.Parse(e.Data).Dispose());
            }, iter: 400);
    }

    [Fact]
    public void Body_RandomTextAndSecrets_SameBytesAsTheJsonNodeRewriter()
    {
        Gen.Select(Gen.OneOf(Apis), Text, Gen.Bool, Text).ForAll((api, text, logprobs, arguments) =>
        {
            var body = Encoding.UTF8.GetBytes(MaskedEvents.Body(api, text, logprobs, arguments));

            var (expected, legacyError) = RunLegacy(api, JsonType, body, []);
            var (actual, rewriter) = Run(api, JsonType, body, []);

            Assert.Null(legacyError);
            Assert.Null(rewriter.Error);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{api}: expected {Encoding.UTF8.GetString(expected)}\nactual   {Encoding.UTF8.GetString(actual)}");
            Assert.Equal(Masked(text), Responses.Assembling.Run(api, JsonType, actual).Text);
            Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(actual), StringComparison.Ordinal);
        }, iter: 300);
    }

    [Fact]
    public void Stream_WhitespaceAndEscapesTheWriterWouldNotUse_KeptWhereUnchangedAndMaskedWhereNot()
    {
        // An upstream may write \u escapes, escaped slashes and spaces; the splice keeps them, the old rewrite re-wrote
        // them, so here the two agree on the JSON value, not on the bytes.
        var data = "{ \"choices\" : [ { \"index\" : 0, \"delta\" : { \"content\" : \"caf\\u00e9 \\/ sk-S\\u00e9cret\\\"42\\\\\\ud83d\\ude42 done\" }, \"finish_reason\" : \"stop\" } ] }";
        var stream = Encoding.UTF8.GetBytes($"data: {data}\n\ndata: [DONE]\n\n");

        var (expected, _) = RunLegacy(ApiKind.OpenAIChat, EventStream, stream, []);
        var (actual, rewriter) = Run(ApiKind.OpenAIChat, EventStream, stream, []);

        Assert.Null(rewriter.Error);
        var events = Rewriting.Events(actual);
        Assert.StartsWith("{ \"choices\" : [ { \"index\" : 0, \"delta\" : { \"content\" : \"", events[0].Data, StringComparison.Ordinal);
        Assert.Equal(Rewriting.Events(expected).Select(e => Normalise(e.Data)), events.Select(e => Normalise(e.Data)));
        Assert.Equal("café / " + SecretRewriter.Mask + " done", Responses.Assembling.Run(ApiKind.OpenAIChat, EventStream, actual).Text);
    }

    private static (byte[] Output, IResponseRewriter Rewriter) Run(ApiKind api, string contentType, byte[] body, int[] splits)
    {
        var rewriter = new ProtocolRegistry().Get(api)!.CreateResponseRewriter(contentType, new SecretRewriter(Secret));
        return (Drive(rewriter, body, splits), rewriter);
    }

    private static (byte[] Output, string? Error) RunLegacy(ApiKind api, string contentType, byte[] body, int[] splits)
    {
        var rewriting = api switch
        {
            ApiKind.OpenAIChat => Legacy.ResponseRewriting.OpenAIChat,
            ApiKind.AnthropicMessages => Legacy.ResponseRewriting.Anthropic,
            _ => Legacy.ResponseRewriting.OpenAIResponses,
        };
        var text = new SecretRewriter(Secret);
        IResponseRewriter rewriter = contentType == EventStream
            ? new Legacy.SseResponseRewriter(rewriting.CreateStream(text))
            : new Legacy.JsonResponseRewriter(rewriting.Body, text, 16 << 20);
        return (Drive(rewriter, body, splits), rewriter.Error);
    }

    private static byte[] Drive(IResponseRewriter rewriter, byte[] body, int[] splits)
    {
        var output = new ArrayBufferWriter<byte>();
        foreach (var chunk in Chunking.Split(body, splits))
        {
            rewriter.Append(chunk, output);
        }

        rewriter.Complete(output);
        rewriter.Dispose();
        return output.WrittenSpan.ToArray();
    }

    // Cuts the text into deltas at the given places, never inside a surrogate pair.
    private static List<string> Pieces(string text, int[] cuts)
    {
        var places = cuts.Select(c => SafeCut(text, c % (text.Length + 1))).Append(0).Append(text.Length).Distinct().Order().ToList();
        return places.Zip(places.Skip(1), (from, to) => text[from..to]).ToList();
    }

    private static int SafeCut(string text, int at) => at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) ? at - 1 : at;

    private static string Masked(string text) => text.Replace(Secret, SecretRewriter.Mask, StringComparison.Ordinal);

    private static string Normalise(string data)
    {
        if (data == "[DONE]")
        {
            return data;
        }

        using var document = JsonDocument.Parse(data);
        return JsonSerializer.Serialize(document.RootElement);
    }
}
