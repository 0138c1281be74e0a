using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Masking.Redaction;

/// <summary>Keyed fingerprints of detected values: HMAC-SHA256 under the deployment key, never the value.</summary>
internal sealed class Fingerprinter(byte[] key)
{
    // One keyed HMAC per thread, reset after each use: creating one per value costs as much as the rest of masking it.
    private readonly ThreadLocal<IncrementalHash> _hmac = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key));

    public const int FingerprintBytes = 8;
    public const int PseudonymHexLength = 6;

    public string Fingerprint(ReadOnlySpan<char> value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var written = Encoding.UTF8.GetBytes(value, rented);
            Span<byte> mac = stackalloc byte[32];
            var hmac = _hmac.Value!;
            hmac.AppendData(rented.AsSpan(0, written));
            hmac.GetHashAndReset(mac);
            return Convert.ToHexStringLower(mac[..FingerprintBytes]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, byteCount));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Starts a fingerprint over a value that arrives in pieces (a private key being streamed).</summary>
    public IncrementalFingerprint Begin() => new(IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key));
}
