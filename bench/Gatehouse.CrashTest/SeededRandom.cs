namespace Gatehouse.CrashTest;

/// <summary>A small seeded generator (SplitMix64), so that a run's kill moments can be replayed with <c>--seed</c>.</summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Returns a number in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns a duration between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public TimeSpan Between(TimeSpan min, TimeSpan max) => min + ((max - min) * NextDouble());

    private ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
