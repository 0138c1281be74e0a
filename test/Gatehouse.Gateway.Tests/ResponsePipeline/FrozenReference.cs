using System.Buffers;
using Gatehouse.Gateway.Masking;
using Gatehouse.Masking;
using Gatehouse.Protocols;
using Gatehouse.Protocols.Holding;

namespace Gatehouse.Gateway.Tests.ResponsePipeline;

/// <summary>
/// The response path as it was before the single pipeline (commit b2e2c8e): the adapter's rewriter, then the capture
/// (an assembler) and the hold buffer each re-reading the rewritten bytes, composed as <c>ResponseTap</c> and
/// <c>HeldResponse</c> composed them. It produced the frozen corpus. Those parts remain public, usable alone, so the
/// composition is kept: it proves they still agree with the corpus, and so with the pipeline.
/// </summary>
internal static class FrozenReference
{
    public static PipelineOutcome Run(PipelineCase c, MaskingEngine engine, ProtocolRegistry registry)
    {
        var adapter = registry.Get(c.Api)!;
        var masker = c.Masked ? new MaskingTextRewriter(engine) : null;
        var rewriter = masker is null ? null : adapter.CreateResponseRewriter(c.ContentType, masker);
        var capture = adapter.CreateResponseAssembler(c.ContentType);
        using var hold = c.Hold == HoldMode.None ? null : ResponseHoldBuffer.Create(adapter, c.ContentType, c.Hold == HoldMode.Whole, Corpus.MaxHeldBytes, Corpus.TextCapChars);
        var client = new ArrayBufferWriter<byte>();
        var writes = new List<int>();
        var rewritten = new ArrayBufferWriter<byte>();
        var release = new ArrayBufferWriter<byte>();
        string? failure = null;

        void ToClient(ReadOnlySpan<byte> bytes)
        {
            capture.Append(bytes);
            if (hold is null)
            {
                Write(bytes);
                return;
            }

            release.ResetWrittenCount();
            hold.Append(bytes, release);
            Write(release.WrittenSpan);
        }

        void Write(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > 0)
            {
                writes.Add(bytes.Length);
                client.Write(bytes);
            }
        }

        bool Release()
        {
            if (rewriter!.Error is not null || rewriter.UnknownShapes > 0)
            {
                failure = "response_unreadable";
                return false;
            }

            if (rewritten.WrittenCount > 0)
            {
                ToClient(rewritten.WrittenSpan);
            }

            return true;
        }

        foreach (var chunk in c.Chunks())
        {
            if (rewriter is null)
            {
                ToClient(chunk.Span);
                continue;
            }

            rewritten.ResetWrittenCount();
            rewriter.Append(chunk.Span, rewritten);
            if (!Release())
            {
                break;
            }
        }

        if (failure is null && rewriter is not null)
        {
            rewritten.ResetWrittenCount();
            rewriter.Complete(rewritten);
            Release();
        }

        ResponseSummary? holdSummary = null;
        var refusal = new ArrayBufferWriter<byte>();
        if (hold is not null && failure is null)
        {
            release.ResetWrittenCount();
            holdSummary = hold.Complete(release);
            Write(release.WrittenSpan);
            hold.WriteRefusal(refusal, Corpus.Refusal);
        }

        masker?.Dispose();
        rewriter?.Dispose();
        return new PipelineOutcome(
            writes,
            PipelineOutcome.Sha(client.WrittenSpan),
            failure,
            hold?.IsHolding ?? false,
            hold?.Held.Length ?? 0,
            PipelineOutcome.Sha(hold is null ? [] : hold.Held.Span),
            hold?.HeldText ?? "",
            PipelineOutcome.Sha(refusal.WrittenSpan),
            capture.Complete(failure is null),
            holdSummary,
            masker?.Findings.ToList() ?? []);
    }
}
