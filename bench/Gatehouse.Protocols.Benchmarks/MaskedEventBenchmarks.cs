using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Gatehouse.Protocols.Rewriting;
using Legacy = Gatehouse.Protocols.Tests.Rewriting.Legacy;

namespace Gatehouse.Protocols.Benchmarks;

/// <summary>
/// Cost per event of masking one secret in a streamed event, before (the frozen JsonNode rewriter: parse into nodes,
/// write every member again) and after (edits spliced into the bytes of the event's one parse), side by side: a typical
/// OpenAI chat content delta, an Anthropic <c>content_block_delta</c>, and a 20 KB tool-call argument delta.
/// </summary>
/// <remarks>
/// Each invocation rewrites a stream of <see cref="Events"/> such events (one rewriter per stream, as per response), so
/// the figures are per event with the rewriter's set-up shared out.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MaskedEventBenchmarks
{
    private const int Events = 64;
    private const string Secret = "sk-proj-4f9a8b7c6d5e4f3a2b1c";
    private readonly ArrayBufferWriter<byte> _output = new(4 << 20);
    private readonly ProtocolRegistry _registry = new();
    private byte[] _chat = [];
    private byte[] _anthropic = [];
    private byte[] _toolArguments = [];

    [GlobalSetup]
    public void Setup()
    {
        _chat = Stream(i => "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1733500000,\"model\":\"gpt-4o\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" the key is " + Secret + " (row " + i + ")\"},\"logprobs\":null,\"finish_reason\":null}]}", null);
        _anthropic = Stream(i => "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" the key is "
            + Secret + " (row " + i + ")\"}}", "content_block_delta");
        var arguments = "{\\\"path\\\":\\\"src/app.py\\\",\\\"content\\\":\\\"" + new string('x', 10_000) + " key=" + Secret + " " + new string('y', 10_000) + "\\\"}";
        _toolArguments = Stream(i => "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1733500000,\"model\":\"gpt-4o\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":" + i + ",\"function\":{\"arguments\":\"" + arguments + "\"}}]},\"finish_reason\":null}]}", null);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    [BenchmarkCategory("OpenAIChatDelta")]
    public int ChatDelta_JsonNode() => Before(Legacy.ResponseRewriting.OpenAIChat, _chat);

    [Benchmark(OperationsPerInvoke = Events)]
    [BenchmarkCategory("OpenAIChatDelta")]
    public int ChatDelta_Spliced() => After(ApiKind.OpenAIChat, _chat);

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    [BenchmarkCategory("AnthropicDelta")]
    public int AnthropicDelta_JsonNode() => Before(Legacy.ResponseRewriting.Anthropic, _anthropic);

    [Benchmark(OperationsPerInvoke = Events)]
    [BenchmarkCategory("AnthropicDelta")]
    public int AnthropicDelta_Spliced() => After(ApiKind.AnthropicMessages, _anthropic);

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    [BenchmarkCategory("ToolArguments20KB")]
    public int ToolArguments20KB_JsonNode() => Before(Legacy.ResponseRewriting.OpenAIChat, _toolArguments);

    [Benchmark(OperationsPerInvoke = Events)]
    [BenchmarkCategory("ToolArguments20KB")]
    public int ToolArguments20KB_Spliced() => After(ApiKind.OpenAIChat, _toolArguments);

    private static byte[] Stream(Func<int, string> data, string? type)
    {
        var stream = new StringBuilder();
        for (var i = 0; i < Events; i++)
        {
            if (type is not null)
            {
                stream.Append("event: ").Append(type).Append('\n');
            }

            stream.Append("data: ").Append(data(i)).Append("\n\n");
        }

        return Encoding.UTF8.GetBytes(stream.ToString());
    }

    private int Before(Legacy.ResponseRewriting rewriting, byte[] stream)
        => Drive(new Legacy.SseResponseRewriter(rewriting.CreateStream(Masking.Instance)), stream);

    private int After(ApiKind api, byte[] stream)
        => Drive(_registry.Get(api)!.CreateResponseRewriter("text/event-stream", Masking.Instance), stream);

    private int Drive(IResponseRewriter rewriter, byte[] stream)
    {
        _output.ResetWrittenCount();
        using (rewriter)
        {
            rewriter.Append(stream, _output);
            rewriter.Complete(_output);
            return rewriter.Error is null ? _output.WrittenCount : throw new InvalidOperationException(rewriter.Error);
        }
    }

    // Masks the secret within a delta, as the masking engine does when a delta holds it whole.
    private sealed class Masking : ITextRewriter
    {
        public static readonly Masking Instance = new();

        public string Push(TextChannel channel, string delta) => delta.Replace(Secret, "[MASKED:openai_key]", StringComparison.Ordinal);

        public string Flush(TextChannel channel) => "";

        public string RewriteWhole(TextChannel channel, string text) => Push(channel, text);
    }
}
