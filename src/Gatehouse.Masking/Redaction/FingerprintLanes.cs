using System.Runtime.Intrinsics;

namespace Gatehouse.Masking.Redaction;

/// <summary>How a <see cref="Fingerprinter"/> computes the fingerprints of short values.</summary>
internal enum FingerprintLanes
{
    /// <summary>One value at a time through the platform's HMAC.</summary>
    None,

    /// <summary>Eight values at a time in 256-bit vectors.</summary>
    Vector256,

    /// <summary>Sixteen values at a time in AVX-512 vectors.</summary>
    Vector512,
}

/// <summary>Which <see cref="FingerprintLanes"/> this machine runs.</summary>
internal static class FingerprintLanesSupport
{
    /// <summary>The widest lanes the hardware accelerates.</summary>
    public static FingerprintLanes Best { get; } =
        Lanes512.IsSupported ? FingerprintLanes.Vector512 : Lanes256.IsSupported ? FingerprintLanes.Vector256 : FingerprintLanes.None;

    public static bool IsSupported(FingerprintLanes lanes) => lanes switch
    {
        FingerprintLanes.None => true,
        FingerprintLanes.Vector256 => Lanes256.IsSupported,
        FingerprintLanes.Vector512 => Lanes512.IsSupported,
        _ => false,
    };

    /// <summary>The lane count, for reports.</summary>
    public static int Count(FingerprintLanes lanes) => lanes switch
    {
        FingerprintLanes.Vector256 => Vector256<uint>.Count,
        FingerprintLanes.Vector512 => Vector512<uint>.Count,
        _ => 1,
    };
}
