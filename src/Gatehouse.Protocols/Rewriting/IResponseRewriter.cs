using System.Buffers;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>
/// Rewrites a response body's text-bearing fields as its bytes arrive, releasing rewritten bytes as soon as it can.
/// </summary>
/// <remarks>
/// Streams are rewritten event by event: each text-bearing field goes through the <see cref="ITextRewriter"/>, the
/// event is re-serialised with every other field kept, and text a channel still holds when it ends is released in a
/// synthetic delta event of the same API shape, placed before the event that ends the channel. A JSON body is
/// buffered (bounded) and rewritten whole at <see cref="Complete"/>. Never throws on malformed input: it sets
/// <see cref="Error"/> and releases nothing more, so that nothing it could not rewrite reaches the client.
/// </remarks>
public interface IResponseRewriter : IDisposable
{
    /// <summary>Gets why the body could not be rewritten, or null; once set, nothing more is written.</summary>
    string? Error { get; }

    /// <summary>Gets how many text-bearing events or fields had a shape this rewriter does not know.</summary>
    /// <remarks>They were passed through unchanged; a masked connection should fail closed on a non-zero count.</remarks>
    int UnknownShapes { get; }

    /// <summary>Feeds the next chunk of the upstream body and writes what can be released to <paramref name="output"/>.</summary>
    void Append(ReadOnlySpan<byte> chunk, IBufferWriter<byte> output);

    /// <summary>Ends the body: releases what channels still hold (and a buffered JSON body) to <paramref name="output"/>.</summary>
    void Complete(IBufferWriter<byte> output);
}
