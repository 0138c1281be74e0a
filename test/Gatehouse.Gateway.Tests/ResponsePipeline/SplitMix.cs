namespace Gatehouse.Gateway.Tests.ResponsePipeline;

/// <summary>A seeded, portable pseudo-random source (SplitMix64), so a corpus case regenerates identically anywhere.</summary>
internal sealed class SplitMix(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Returns an integer in [0, <paramref name="max"/>).</summary>
    public int Below(int max) => max <= 0 ? 0 : (int)(Next() % (ulong)max);

    public bool Chance(int percent) => Below(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];
}
