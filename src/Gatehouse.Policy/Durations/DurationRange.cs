namespace Gatehouse.Policy.Durations;

/// <summary>What one setting accepts: the shortest and longest duration, and whether a word stands for "no limit".</summary>
/// <param name="Min">The shortest duration accepted; <see cref="TimeSpan.Zero"/> lets <c>0s</c> through.</param>
/// <param name="Max">The longest duration accepted.</param>
/// <param name="Unbounded">The word that means "no limit" (<c>never</c>, <c>forever</c>), or null when there is none.</param>
public sealed record DurationRange(TimeSpan Min, TimeSpan Max, string? Unbounded = null);
