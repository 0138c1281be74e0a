using Gatehouse.Gateway.Masking;
using Gatehouse.Protocols.Pipeline;

namespace Gatehouse.Gateway.Forwarding;

/// <summary>One response's pipeline, the masking it feeds (for its findings), and why it cannot be read, if so.</summary>
internal sealed record BuiltResponse(ResponsePipeline Pipeline, MaskingTextRewriter? Masker, string? Unreadable);
