namespace Gatehouse.Masking.Detection;

/// <summary>Which loop <see cref="QuadFilter"/> runs; tests force each one, and a path the machine lacks falls back to
/// the next simpler one.</summary>
internal enum QuadFilterPath
{
    /// <summary>The widest the machine has.</summary>
    Best,

    /// <summary>Thirty-two positions per step with in-register Bloom tables (AVX-512 BW).</summary>
    Avx512,

    /// <summary>Sixteen positions per step with table gathers (AVX2).</summary>
    Avx2,

    /// <summary>One position at a time.</summary>
    Scalar,
}
