using System.Buffers;
using BenchmarkDotNet.Attributes;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Benchmarks;

/// <summary>
/// Cost of rewriting a long streamed response (the streams of <see cref="StreamAssemblyBenchmarks"/>) event by event,
/// fed in 4 KiB reads: with a text rewriter that changes nothing (events pass through) and one that changes every
/// delta (every event is re-serialised). The text rewriters cost next to nothing, so this is the adapter's share.
/// </summary>
[MemoryDiagnoser]
public class StreamRewritingBenchmarks
{
    private const int ReadSize = 4096;
    private readonly ProtocolRegistry _registry = new();
    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);
    private byte[] _chat = [];
    private byte[] _anthropic = [];

    [GlobalSetup]
    public void Setup() => (_chat, _anthropic) = (BenchStreams.OpenAIChat(), BenchStreams.Anthropic());

    [Benchmark(Baseline = true)]
    public int PassOpenAIChat() => Rewrite(ApiKind.OpenAIChat, _chat, IdentityTextRewriter.Instance);

    [Benchmark]
    public int RewriteOpenAIChat() => Rewrite(ApiKind.OpenAIChat, _chat, Capitalising.Instance);

    [Benchmark]
    public int RewriteAnthropic() => Rewrite(ApiKind.AnthropicMessages, _anthropic, Capitalising.Instance);

    private int Rewrite(ApiKind api, byte[] body, ITextRewriter text)
    {
        _output.ResetWrittenCount();
        using var rewriter = _registry.Get(api)!.CreateResponseRewriter("text/event-stream", text);
        for (var offset = 0; offset < body.Length; offset += ReadSize)
        {
            rewriter.Append(new ReadOnlySpan<byte>(body, offset, Math.Min(ReadSize, body.Length - offset)), _output);
        }

        rewriter.Complete(_output);
        return rewriter.Error is null ? _output.WrittenCount : throw new InvalidOperationException(rewriter.Error);
    }

    private sealed class Capitalising : ITextRewriter
    {
        public static readonly Capitalising Instance = new();

        public string Push(TextChannel channel, string delta) => delta.Length == 0 ? delta : string.Concat(delta[..1].ToUpperInvariant(), delta.AsSpan(1));

        public string Flush(TextChannel channel) => "";

        public string RewriteWhole(TextChannel channel, string text) => text;
    }
}
