using System.Text;
using CsCheck;
using Gatehouse.Protocols.Tests.Responses;
using Gatehouse.Testing;
using static Gatehouse.Protocols.Tests.Responses.Assembling;

namespace Gatehouse.Protocols.Tests.Rewriting;

public sealed class RewritingProperties
{
    private static readonly ApiKind[] Apis = [ApiKind.OpenAIChat, ApiKind.OpenAIResponses, ApiKind.AnthropicMessages, ApiKind.OpenAICompletions];

    [Fact]
    public void Rewrite_AnyChunkingOfAStream_WritesTheSameBytes()
    {
        Gen.Select(Gen.OneOf(Apis), Gen.Bool, Gen.Int[0, 1_000_000].Array[0, 60]).ForAll((api, crlf, seeds) =>
        {
            var (stream, _, _) = ResponseFixtures.For(api);
            stream = crlf ? stream.Replace("\n", "\r\n", StringComparison.Ordinal) : stream;
            var length = Encoding.UTF8.GetByteCount(stream);
            var (whole, _) = Rewriting.Run(api, EventStream, stream, new SecretRewriter("lo, w", "Paris"));

            var (chunked, rewriter) = Rewriting.Run(
                api, EventStream, stream, new SecretRewriter("lo, w", "Paris"), seeds.Select(s => s % (length + 1)));

            Assert.Null(rewriter.Error);
            Assert.Equal(whole, chunked);
        }, iter: 300);
    }

    [Fact]
    public void Rewrite_AnyChunkingOfABody_WritesTheSameBytes()
    {
        Gen.Select(Gen.OneOf(Apis), Gen.Int[0, 1_000_000].Array[0, 30]).ForAll((api, seeds) =>
        {
            var (_, body, _) = ResponseFixtures.For(api);
            var length = Encoding.UTF8.GetByteCount(body);
            var (whole, _) = Rewriting.Run(api, JsonType, body, new SecretRewriter("Paris"));

            var (chunked, _) = Rewriting.Run(api, JsonType, body, new SecretRewriter("Paris"), seeds.Select(s => s % (length + 1)));

            Assert.Equal(whole, chunked);
        }, iter: 200);
    }

    [Fact]
    public void Rewrite_AnySecretInTheText_NeverReachesTheClient()
    {
        const string Text = "Hello, wörld 🙂";
        Gen.Select(Gen.OneOf(Apis), Gen.Int[0, Text.Length - 2], Gen.Int[2, 6]).ForAll((api, start, length) =>
        {
            var secret = Text.Substring(start, Math.Min(length, Text.Length - start));
            if (char.IsLowSurrogate(secret[0]) || char.IsHighSurrogate(secret[^1]))
            {
                return;
            }

            var (stream, _, _) = ResponseFixtures.For(api);
            var (output, rewriter) = Rewriting.Run(api, EventStream, stream, new SecretRewriter(secret));

            Assert.Null(rewriter.Error);
            Assert.Equal(Text.Replace(secret, SecretRewriter.Mask, StringComparison.Ordinal), Run(api, EventStream, output).Text);
        }, iter: 200);
    }

    [Fact]
    public void Rewrite_RandomBytes_NeverThrowNorReleaseWhatWasNotRewritten()
    {
        Gen.Select(Gen.OneOf(Apis), Gen.Bool, Gen.Byte.Array[0, 400], Chunking.Splits(400)).ForAll((api, sse, bytes, splits) =>
        {
            var rewriter = new ProtocolRegistry().Get(api)!.CreateResponseRewriter(sse ? EventStream : JsonType, new SecretRewriter("ab"));
            var output = new System.Buffers.ArrayBufferWriter<byte>();
            foreach (var chunk in Chunking.Split(bytes, splits))
            {
                rewriter.Append(chunk, output);
            }

            rewriter.Complete(output);
            rewriter.Dispose();

            var released = sse ? Rewriting.Events(output.WrittenSpan.ToArray()).Select(e => e.Data).ToList() : [];
            if (!sse && output.WrittenCount > 0)
            {
                released.Add(Encoding.UTF8.GetString(output.WrittenSpan));
            }

            Assert.All(released, data => Assert.True(data == "[DONE]" || IsJsonObject(data)));
        }, iter: 1000);
    }

    private static bool IsJsonObject(string data)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(data);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
