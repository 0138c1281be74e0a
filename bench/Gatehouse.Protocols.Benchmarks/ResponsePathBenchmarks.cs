using System.Buffers;
using BenchmarkDotNet.Attributes;
using Gatehouse.Protocols.Pipeline;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Benchmarks;

/// <summary>
/// The whole response path of one streamed response (the streams of <see cref="StreamAssemblyBenchmarks"/>, fed in
/// 4 KiB reads) as the gateway runs it: masking (a rewriter that changes every delta), capture for the audit and,
/// where policy may hold it, the hold, all in one <see cref="ResponsePipeline"/>. The same class, with the stages
/// composed as they were before the pipeline (each re-reading the rewritten bytes), gave the "before" figures in
/// docs/designs/response-pipeline.md.
/// </summary>
[MemoryDiagnoser]
public class ResponsePathBenchmarks
{
    private const int ReadSize = 4096;
    private const string Sse = "text/event-stream";
    private readonly ProtocolRegistry _registry = new();
    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);
    private byte[] _chat = [];
    private byte[] _anthropic = [];

    [GlobalSetup]
    public void Setup() => (_chat, _anthropic) = (BenchStreams.OpenAIChat(), BenchStreams.Anthropic());

    [Benchmark(Baseline = true)]
    public int PlainChat() => Run(ApiKind.OpenAIChat, _chat, masked: false, hold: false);

    [Benchmark]
    public int MaskedChat() => Run(ApiKind.OpenAIChat, _chat, masked: true, hold: false);

    [Benchmark]
    public int MaskedHeldChat() => Run(ApiKind.OpenAIChat, _chat, masked: true, hold: true);

    [Benchmark]
    public int MaskedAnthropic() => Run(ApiKind.AnthropicMessages, _anthropic, masked: true, hold: false);

    private int Run(ApiKind api, byte[] body, bool masked, bool hold)
    {
        _output.ResetWrittenCount();
        using var pipeline = _registry.Get(api)!.CreateResponsePipeline(new ResponsePipelineOptions
        {
            ContentType = Sse,
            Masking = masked ? Capitalising.Instance : null,
            Hold = hold ? new ResponseHoldOptions(false, 8 << 20) : null,
        });
        for (var offset = 0; offset < body.Length; offset += ReadSize)
        {
            pipeline.Append(new ReadOnlySpan<byte>(body, offset, Math.Min(ReadSize, body.Length - offset)));
            pipeline.Release(_output);
        }

        pipeline.Complete();
        pipeline.Release(_output);
        pipeline.End(_output);
        if (pipeline.Hold is { } held)
        {
            _output.Write(held.Held.Span);
        }

        var summary = pipeline.Summarise(true)!;
        return summary.Error is null ? _output.WrittenCount + summary.Text.Length : throw new InvalidOperationException(summary.Error);
    }

    private sealed class Capitalising : ITextRewriter
    {
        public static readonly Capitalising Instance = new();

        public string Push(TextChannel channel, string delta) => delta.Length == 0 ? delta : string.Concat(delta[..1].ToUpperInvariant(), delta.AsSpan(1));

        public string Flush(TextChannel channel) => "";

        public string RewriteWhole(TextChannel channel, string text) => text;
    }
}
