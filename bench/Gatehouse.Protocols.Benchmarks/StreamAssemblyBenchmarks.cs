using System.Text;
using BenchmarkDotNet.Attributes;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Benchmarks;

/// <summary>
/// Throughput of assembling a long streamed chat response (2,000 text chunks and a tool call, fed in 4 KiB
/// reads), against the baseline of only splitting the same bytes into events.
/// </summary>
[MemoryDiagnoser]
public class StreamAssemblyBenchmarks
{
    private const int ReadSize = 4096;
    private readonly ProtocolRegistry _registry = new();
    private byte[] _chat = [];
    private byte[] _anthropic = [];

    [GlobalSetup]
    public void Setup()
    {
        var chat = new StringBuilder();
        var anthropic = new StringBuilder("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}\n\n");
        anthropic.Append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        for (var i = 0; i < 2000; i++)
        {
            chat.Append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word ")
                .Append(i).Append(" and more\"},\"finish_reason\":null}]}\n\n");
            anthropic.Append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"word ")
                .Append(i).Append(" and more\"}}\n\n");
        }

        chat.Append("data: {\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4000,\"total_tokens\":4009}}\n\ndata: [DONE]\n\n");
        anthropic.Append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        _chat = Encoding.UTF8.GetBytes(chat.ToString());
        _anthropic = Encoding.UTF8.GetBytes(anthropic.ToString());
    }

    [Benchmark(Baseline = true)]
    public int SplitEventsOnly()
    {
        using var parser = new SseParser();
        var count = 0;
        for (var offset = 0; offset < _chat.Length; offset += ReadSize)
        {
            var chunk = new ReadOnlySpan<byte>(_chat, offset, Math.Min(ReadSize, _chat.Length - offset));
            while (parser.TryReadEvent(ref chunk, out _))
            {
                count++;
            }
        }

        return count;
    }

    [Benchmark]
    public int AssembleOpenAIChat() => Assemble(ApiKind.OpenAIChat, _chat);

    [Benchmark]
    public int AssembleAnthropic() => Assemble(ApiKind.AnthropicMessages, _anthropic);

    private int Assemble(ApiKind api, byte[] body)
    {
        var assembler = _registry.Get(api)!.CreateResponseAssembler("text/event-stream");
        for (var offset = 0; offset < body.Length; offset += ReadSize)
        {
            assembler.Append(new ReadOnlySpan<byte>(body, offset, Math.Min(ReadSize, body.Length - offset)));
        }

        var summary = assembler.Complete(true);
        return summary.Error is null ? summary.Text.Length : throw new InvalidOperationException(summary.Error);
    }
}
