using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Redaction;

namespace Gatehouse.Masking.Streaming;

/// <summary>A private-key block being masked through: where it began and where its END line is searched from.</summary>
internal sealed class BlockState(CompiledRule rule, long start, IncrementalFingerprint fingerprint)
{
    public CompiledRule Rule { get; } = rule;

    public long Start { get; } = start;

    public IncrementalFingerprint Fingerprint { get; } = fingerprint;

    public long SearchFrom { get; set; }
}
