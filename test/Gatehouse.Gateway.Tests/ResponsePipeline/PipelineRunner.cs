using System.Buffers;
using Gatehouse.Gateway.Masking;
using Gatehouse.Masking;
using Gatehouse.Protocols;
using Gatehouse.Protocols.Pipeline;

namespace Gatehouse.Gateway.Tests.ResponsePipeline;

/// <summary>Runs a corpus case through the single response pipeline, as <c>ResponseTap</c> drives it.</summary>
internal static class PipelineRunner
{
    public static PipelineOutcome Run(PipelineCase c, MaskingEngine engine, ProtocolRegistry registry)
    {
        var masker = c.Masked ? new MaskingTextRewriter(engine) : null;
        using var pipeline = registry.Get(c.Api)!.CreateResponsePipeline(new ResponsePipelineOptions
        {
            ContentType = c.ContentType,
            Masking = masker,
            Hold = c.Hold == HoldMode.None ? null : new ResponseHoldOptions(c.Hold == HoldMode.Whole, Corpus.MaxHeldBytes),
        });
        var client = new ArrayBufferWriter<byte>();
        var released = new ArrayBufferWriter<byte>();
        var writes = new List<int>();
        string? failure = null;

        bool Release()
        {
            if (pipeline.Error is not null || pipeline.UnknownShapes > 0)
            {
                failure = "response_unreadable";
                return false;
            }

            released.ResetWrittenCount();
            pipeline.Release(released);
            Write(released.WrittenSpan);
            return true;
        }

        void Write(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > 0)
            {
                writes.Add(bytes.Length);
                client.Write(bytes);
            }
        }

        foreach (var chunk in c.Chunks())
        {
            pipeline.Append(chunk.Span);
            if (!Release())
            {
                break;
            }
        }

        var refusal = new ArrayBufferWriter<byte>();
        if (failure is null)
        {
            pipeline.Complete();
            if (Release() && pipeline.Hold is { } hold)
            {
                released.ResetWrittenCount();
                pipeline.End(released);
                Write(released.WrittenSpan);
                hold.WriteRefusal(refusal, Corpus.Refusal);
            }
        }

        masker?.Dispose();
        var held = pipeline.Hold;
        return new PipelineOutcome(
            writes,
            PipelineOutcome.Sha(client.WrittenSpan),
            failure,
            held?.IsHolding ?? false,
            held?.Held.Length ?? 0,
            PipelineOutcome.Sha(held is null ? [] : held.Held.Span),
            held?.HeldText ?? "",
            PipelineOutcome.Sha(refusal.WrittenSpan),
            pipeline.Summarise(failure is null)!,
            pipeline.HoldSummary,
            masker?.Findings.ToList() ?? []);
    }
}
