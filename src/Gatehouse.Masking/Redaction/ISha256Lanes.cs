namespace Gatehouse.Masking.Redaction;

/// <summary>
/// The word operations of SHA-256 over a vector of independent lanes, one message per lane. A struct implements it
/// for one vector width, so that the generic rounds in <see cref="Sha256Lanes"/> compile to straight vector code.
/// </summary>
/// <typeparam name="TVector">A vector of 32-bit words.</typeparam>
internal interface ISha256Lanes<TVector>
    where TVector : unmanaged
{
    /// <summary>Whether the hardware runs these operations as vector instructions.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>The number of lanes.</summary>
    static abstract int Count { get; }

    static abstract TVector Create(uint value);

    static abstract TVector Add(TVector left, TVector right);

    /// <summary>Σ0: ROTR 2 ^ ROTR 13 ^ ROTR 22.</summary>
    static abstract TVector BigSigma0(TVector x);

    /// <summary>Σ1: ROTR 6 ^ ROTR 11 ^ ROTR 25.</summary>
    static abstract TVector BigSigma1(TVector x);

    /// <summary>σ0: ROTR 7 ^ ROTR 18 ^ SHR 3.</summary>
    static abstract TVector SmallSigma0(TVector x);

    /// <summary>σ1: ROTR 17 ^ ROTR 19 ^ SHR 10.</summary>
    static abstract TVector SmallSigma1(TVector x);

    /// <summary>Ch: each bit of <paramref name="x"/> chooses between <paramref name="y"/> and <paramref name="z"/>.</summary>
    static abstract TVector Choose(TVector x, TVector y, TVector z);

    /// <summary>Maj: the bitwise majority of the three.</summary>
    static abstract TVector Majority(TVector x, TVector y, TVector z);
}
