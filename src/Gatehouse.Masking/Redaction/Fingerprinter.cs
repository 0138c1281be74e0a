using System.Buffers;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Masking.Detection;

namespace Gatehouse.Masking.Redaction;

/// <summary>Keyed fingerprints of detected values: HMAC-SHA256 under the deployment key, never the value.</summary>
/// <remarks>
/// A fingerprint is the first eight bytes of the MAC of the value's UTF-8, in lower-case hex. Values of up to
/// <see cref="FingerprintBatch.MaxBytes"/> bytes, nearly all of them, are computed many at a time in vector lanes from
/// the key's precomputed pad states; longer ones through the platform's HMAC. Both give the same fingerprint.
/// </remarks>
internal sealed class Fingerprinter
{
    public const int FingerprintBytes = 8;
    public const int PseudonymHexLength = 6;

    private readonly byte[] _key;
    private readonly HmacMidstate _midstate;

    // One keyed HMAC per thread, reset after each use: creating one per value costs as much as the rest of masking it.
    private readonly ThreadLocal<IncrementalHash> _hmac;

    public Fingerprinter(byte[] key)
        : this(key, FingerprintLanesSupport.Best)
    {
    }

    /// <param name="key">The deployment key.</param>
    /// <param name="lanes">How to compute short values' fingerprints; the hardware must support it.</param>
    internal Fingerprinter(byte[] key, FingerprintLanes lanes)
    {
        if (!FingerprintLanesSupport.IsSupported(lanes))
        {
            throw new ArgumentException($"This machine does not accelerate {lanes}.", nameof(lanes));
        }

        _key = key;
        Lanes = lanes;
        _midstate = HmacMidstate.Create(key);
        _hmac = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key));
    }

    internal FingerprintLanes Lanes { get; }

    public string Fingerprint(ReadOnlySpan<char> value)
    {
        var fingerprint = string.Empty;
        FingerprintMany(value, [new Candidate(0, value.Length, 0, false)], new Span<string>(ref fingerprint));
        return fingerprint;
    }

    /// <summary>Fingerprints each of <paramref name="values"/>, slices of <paramref name="text"/>, into the same index.</summary>
    public void FingerprintMany(ReadOnlySpan<char> text, ReadOnlySpan<Candidate> values, Span<string> fingerprints)
    {
        if (fingerprints.Length < values.Length)
        {
            throw new ArgumentException("There must be room for one fingerprint per value.", nameof(fingerprints));
        }

        if (values.IsEmpty)
        {
            return;
        }

        switch (Lanes)
        {
            case FingerprintLanes.Vector512:
                FingerprintBatch.Compute<Lanes512, Vector512<uint>>(this, _midstate, text, values, fingerprints);
                break;
            case FingerprintLanes.Vector256:
                FingerprintBatch.Compute<Lanes256, Vector256<uint>>(this, _midstate, text, values, fingerprints);
                break;
            default:
                for (var i = 0; i < values.Length; i++)
                {
                    fingerprints[i] = FingerprintOne(text.Slice(values[i].Start, values[i].Length));
                }

                break;
        }
    }

    /// <summary>One value through the platform's HMAC: for values too long for the lanes.</summary>
    internal string FingerprintOne(ReadOnlySpan<char> value)
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
    public IncrementalFingerprint Begin() => new(IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key));
}
