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
        _chat = BenchStreams.OpenAIChat();
        _anthropic = BenchStreams.Anthropic();
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
