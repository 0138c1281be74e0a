using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Exchanges;

/// <summary>
/// Watches the response body as it is forwarded: an understood API feeds its adapter's assembler, anything else keeps
/// the first bytes up to the audit cap. Bounded either way.
/// </summary>
internal sealed class ResponseCapture
{
    private readonly IResponseAssembler? _assembler;
    private readonly byte[]? _opaque;
    private int _opaqueLength;

    private ResponseCapture(IResponseAssembler? assembler, int opaqueCap)
    {
        _assembler = assembler;
        _opaque = assembler is null ? new byte[opaqueCap] : null;
    }

    public long Bytes { get; private set; }

    public static ResponseCapture ForApi(IResponseAssembler assembler) => new(assembler, 0);

    public static ResponseCapture Opaque(int cap) => new(null, cap);

    public void Append(ReadOnlySpan<byte> chunk)
    {
        Bytes += chunk.Length;
        if (_assembler is not null)
        {
            _assembler.Append(chunk);
            return;
        }

        var room = Math.Min(_opaque!.Length - _opaqueLength, chunk.Length);
        chunk[..room].CopyTo(_opaque.AsSpan(_opaqueLength));
        _opaqueLength += room;
    }

    /// <summary>Ends the capture; <paramref name="complete"/> is false when the body was cut short.</summary>
    public ResponseSummary Complete(bool complete)
    {
        if (_assembler is not null)
        {
            return _assembler.Complete(complete);
        }

        return new ResponseSummary
        {
            Text = OpaqueText.Describe(_opaque.AsSpan(0, _opaqueLength)),
            TextTruncated = Bytes > _opaqueLength,
        };
    }
}
