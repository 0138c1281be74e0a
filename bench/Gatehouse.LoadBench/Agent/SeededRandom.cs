namespace Gatehouse.LoadBench.Agent;

/// <summary>
/// A small seeded generator (SplitMix64): the same seed gives the same conversations on every machine and runtime, so
/// two runs of the benchmark send the same bytes.
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Returns a number in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public int Next(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min));

    /// <summary>Returns a number in [0, <paramref name="max"/>).</summary>
    public int Next(int max) => Next(0, max);

    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
