using BenchmarkDotNet.Attributes;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;

namespace Gatehouse.Audit.Benchmarks;

/// <summary>The CPU cost of the chain per entry: encoding a record, sealing it, re-checking it.</summary>
[MemoryDiagnoser]
public class ChainHashBenchmarks
{
    private readonly AuditEntryDraft _draft = AuditEntryCodec.ForIntent(
        SampleExchanges.Intent("0123456789abcdef"), new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private readonly byte[] _previous = new byte[AuditChain.HashSize];
    private AuditEntry _entry = null!;

    [GlobalSetup]
    public void Setup() => _entry = AuditChain.Seal(_draft, 42, _previous);

    [Benchmark]
    public AuditEntryDraft EncodeIntent() =>
        AuditEntryCodec.ForIntent(SampleExchanges.Intent("0123456789abcdef"), _draft.Time);

    [Benchmark]
    public AuditEntry Seal() => AuditChain.Seal(_draft, 42, _previous);

    [Benchmark(Baseline = true)]
    public bool Recheck() => AuditChain.HashMatches(_entry);
}
