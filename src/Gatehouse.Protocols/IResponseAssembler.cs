namespace Gatehouse.Protocols;

/// <summary>
/// Assembles a response from its body bytes, fed in whatever chunks the upstream produced.
/// </summary>
/// <remarks>
/// Bounded: text beyond the configured cap is counted, not kept. Never throws on malformed input; a malformed
/// body or stream is reported in <see cref="ResponseSummary.Error"/>.
/// </remarks>
public interface IResponseAssembler
{
    /// <summary>Feeds the next chunk of the response body, exactly as forwarded.</summary>
    void Append(ReadOnlySpan<byte> chunk);

    /// <summary>Ends the body and returns what was understood of it.</summary>
    /// <param name="complete">False when the body was cut short (upstream reset, client gone).</param>
    ResponseSummary Complete(bool complete);
}
