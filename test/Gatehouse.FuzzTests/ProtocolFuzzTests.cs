using System.Buffers;
using CsCheck;
using Gatehouse.Testing;
using Gatehouse.Protocols;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.FuzzTests;

/// <summary>The protocol adapters' parsers and rewriters on arbitrary and mutated bodies: results, never exceptions.</summary>
public sealed class ProtocolFuzzTests
{
    private static readonly ProtocolRegistry Registry = new(maxTextChars: 4096, maxJsonBodyBytes: 64 * 1024);

    private static readonly Gen<IProtocolAdapter> Adapters = Gen.OneOf(
        Registry.Get(ApiKind.OpenAIChat)!, Registry.Get(ApiKind.OpenAIResponses)!, Registry.Get(ApiKind.AnthropicMessages)!);

    private static readonly Gen<byte[]> Requests = Mutations.Of(
        """{"model":"gpt-4o","stream":true,"messages":[{"role":"system","content":"be brief"},{"role":"user","content":[{"type":"text","text":"hi"},{"type":"image_url","image_url":{"url":"data:x"}}]}],"tools":[{"type":"function","function":{"name":"edit","parameters":{}}}]}""",
        """{"model":"o4","input":[{"role":"user","content":[{"type":"input_text","text":"hi"}]}],"instructions":"x","tools":[{"type":"function","name":"shell"}]}""",
        """{"model":"claude","max_tokens":10,"system":[{"type":"text","text":"s"}],"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"out"}]}]}""");

    private static readonly Gen<byte[]> Responses = Mutations.Of(
        "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"he\",\"tool_calls\":[{\"index\":0,\"id\":\"t\",\"function\":{\"name\":\"e\",\"arguments\":\"{\\\"a\\\":\"}}]}}]}\n\ndata: [DONE]\n\n",
        "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"output_index\":0,\"content_index\":0,\"delta\":\"hi\"}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"hi\"}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
        """{"id":"c","choices":[{"index":0,"message":{"role":"assistant","content":"hi","tool_calls":[{"id":"t","type":"function","function":{"name":"e","arguments":"{}"}}]},"finish_reason":"stop"}],"usage":{"prompt_tokens":1}}""",
        """{"type":"message","content":[{"type":"text","text":"hi"},{"type":"tool_use","id":"t","name":"e","input":{"a":1}}],"usage":{"input_tokens":1}}""");

    [Fact]
    public Task ParseRequest_AnyBody_ReturnsARequestOrAnErrorWithoutQuotingIt() => FuzzBudget.RunAsync(() =>
        Gen.Select(Adapters, Requests).ForAll((adapter, body) => FuzzBudget.Timed(() =>
        {
            var result = adapter.ParseRequest(body);

            Assert.True(result.Success ^ (result.Error is not null));
        }), FuzzBudget.Inputs(10_000)));

    [Fact]
    public Task RewriteJsonStrings_AnyBody_RewritesOrRefusesAndNeverThrows() => FuzzBudget.RunAsync(() =>
        Requests.ForAll(body => FuzzBudget.Timed(() =>
        {
            var json = Protocols.Json.JsonStringSplicer.Rewrite(body, text => text.Length > 3 ? text[..3].ToString() : null, out var error);

            Assert.False(json is not null && error is not null);
            if (json is not null)
            {
                // Names cut to three characters collide often: the rewrite must still yield no duplicate names.
                using var rewritten = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 64 });
            }
        }), FuzzBudget.Inputs(10_000)));

    [Fact]
    public Task ResponseAssemblerAndRewriter_AnyBodyInAnyChunking_NeverThrow() => FuzzBudget.RunAsync(() =>
        Gen.Select(Adapters, Responses, Mutations.Splits, Gen.Bool).ForAll((adapter, body, splits, stream) => FuzzBudget.Timed(() =>
        {
            var contentType = stream ? "text/event-stream" : "application/json";
            var assembler = adapter.CreateResponseAssembler(contentType);
            using var rewriter = adapter.CreateResponseRewriter(contentType, new IdentityTextRewriter());
            var output = new ArrayBufferWriter<byte>();
            Mutations.Chunked(body, splits, chunk =>
            {
                assembler.Append(chunk);
                rewriter.Append(chunk, output);
            });
            rewriter.Complete(output);

            Assert.NotNull(assembler.Complete(complete: true));
        }), FuzzBudget.Inputs(5_000)));
}
