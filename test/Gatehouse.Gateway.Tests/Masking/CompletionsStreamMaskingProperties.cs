using System.Buffers;
using System.Text;
using System.Text.Json;
using CsCheck;
using Gatehouse.Gateway.Masking;
using Gatehouse.Masking;
using Gatehouse.Protocols;
using Gatehouse.Protocols.Sse;
using Gatehouse.Testing;

namespace Gatehouse.Gateway.Tests.Masking;

/// <summary>
/// A streamed legacy completion (Copilot's inline completions) masked by the product's streaming redactor: for any cut
/// of the text into events and any chunking of the bytes, the client assembles exactly the masking engine's answer
/// for the joined text, with secrets split across events.
/// </summary>
public sealed class CompletionsStreamMaskingProperties
{
    private const string Token = "acme_0123456789abcdefghijklmnopqrstuv";

    private static readonly MaskingEngine Engine = new(new MaskingOptions
    {
        FingerprintKey = new byte[32],
        CustomRules = [new CustomRuleOptions { Id = "acme-token", Pattern = "acme_[a-z0-9]{32}", Keywords = ["acme_"] }],
    });

    private static readonly string[] Fragments =
        ["def f(x):\n", "    return ", "x + 1", " ", "\"", "\\", "\n", "wörld", "🙂", "token = ", "acme", "_", "# TODO", "é", "日本"];

    // Whole tokens among the fragments, so one never lands inside another; the cuts below split them across events.
    private static readonly Gen<string> Text = Gen.Frequency((4, Gen.OneOf(Fragments)), (1, Gen.Const($" {Token} "))).Array[0, 40].Select(string.Concat);

    [Fact]
    public void Stream_AnyDeltasAndChunking_ClientGetsTheJoinedTextMasked()
    {
        Gen.Select(Text, Gen.Int[0, 1_000_000].Array[0, 16], Gen.Int[0, 1_000_000].Array[0, 40]).ForAll((text, cuts, splits) =>
        {
            var stream = Encoding.UTF8.GetBytes(Stream(Pieces(text, cuts)));
            using var masking = new MaskingTextRewriter(Engine);
            var rewriter = new ProtocolRegistry().Get(ApiKind.OpenAICompletions)!.CreateResponseRewriter("text/event-stream", masking);
            var output = new ArrayBufferWriter<byte>();
            foreach (var chunk in Split(stream, splits.Select(s => s % (stream.Length + 1))))
            {
                rewriter.Append(chunk, output);
            }

            rewriter.Complete(output);
            rewriter.Dispose();

            Assert.Null(rewriter.Error);
            var expected = Engine.Mask(text);
            Assert.Equal(expected.IsChanged ? expected.MaskedText : text, Assembled(output.WrittenSpan));
            Assert.Equal(expected.Findings.Count, masking.Findings.Count);
            Assert.DoesNotContain("0123456789abcdef", Encoding.UTF8.GetString(output.WrittenSpan), StringComparison.Ordinal);
        }, iter: 300);
    }

    private static string Stream(List<string> pieces)
    {
        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            text.Append("data: ").Append(Chunk(piece, null)).Append("\n\n");
        }

        return text.Append("data: ").Append(Chunk("", "stop")).Append("\n\ndata: [DONE]\n\n").ToString();
    }

    private static string Chunk(string text, string? finish) => JsonSerializer.Serialize(new
    {
        id = "cmpl-1",
        created = 1_700_000_000,
        model = "gpt-35-turbo",
        choices = new[] { new { index = 0, finish_reason = finish, logprobs = (object?)null, text } },
    });

    private static string Assembled(ReadOnlySpan<byte> stream)
    {
        using var parser = new SseParser();
        var text = new StringBuilder();
        var done = false;
        while (parser.TryReadEvent(ref stream, out var sseEvent))
        {
            Assert.False(done, "an event after [DONE]");
            if (sseEvent.Data.Span.SequenceEqual("[DONE]"u8))
            {
                done = true;
                continue;
            }

            using var chunk = JsonDocument.Parse(sseEvent.Data);
            foreach (var choice in chunk.RootElement.GetProperty("choices").EnumerateArray())
            {
                text.Append(choice.GetProperty("text").GetString());
            }
        }

        Assert.True(done, "the stream ends with [DONE]");
        return text.ToString();
    }

    private static IEnumerable<byte[]> Split(byte[] bytes, IEnumerable<int> splits)
    {
        var start = 0;
        foreach (var split in splits.Order())
        {
            yield return bytes[start..split];
            start = split;
        }

        yield return bytes[start..];
    }

    private static List<string> Pieces(string text, int[] cuts)
    {
        var places = cuts.Select(c => SafeCut(text, c % (text.Length + 1))).Append(0).Append(text.Length).Distinct().Order().ToList();
        return places.Zip(places.Skip(1), (from, to) => text[from..to]).ToList();
    }

    private static int SafeCut(string text, int at) => at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) ? at - 1 : at;
}
