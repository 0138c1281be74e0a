using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Masking.Redaction;

/// <summary>A fingerprint fed piece by piece; equal to <see cref="Fingerprinter.Fingerprint"/> over the whole value.</summary>
internal sealed class IncrementalFingerprint(IncrementalHash hash) : IDisposable
{
    // A stateful encoder, so that a surrogate pair split across two pieces encodes as the whole text would.
    private readonly Encoder _encoder = Encoding.UTF8.GetEncoder();

    public void Append(ReadOnlySpan<char> piece)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(piece.Length));
        try
        {
            var written = _encoder.GetBytes(piece, rented, flush: false);
            hash.AppendData(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    public string Finish()
    {
        Span<byte> tail = stackalloc byte[8];
        var written = _encoder.GetBytes([], tail, flush: true);
        hash.AppendData(tail[..written]);
        Span<byte> mac = stackalloc byte[32];
        hash.GetHashAndReset(mac);
        return Convert.ToHexStringLower(mac[..Fingerprinter.FingerprintBytes]);
    }

    public void Dispose() => hash.Dispose();
}
