namespace Gatehouse.Audit.Benchmarks;

/// <summary>A deterministic number sequence (SplitMix64) so every run of a benchmark writes the same bytes.</summary>
internal sealed class Seeded(ulong seed)
{
    private ulong _state = seed;

    public int Next(int max) => (int)(NextUInt64() % (ulong)max);

    public int Next(int min, int max) => min + Next(max - min);

    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
