namespace Gatehouse.Policy.Durations;

/// <summary>The outcome of reading one duration setting.</summary>
/// <param name="Value">The duration; null when the value is the range's unbounded word or when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the value is refused, naming the value, the range and the accepted forms; null on success.</param>
public sealed record DurationResult(TimeSpan? Value, string? Error)
{
    /// <summary>Gets a value indicating whether the value was accepted.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Gets a value indicating whether the value was the range's unbounded word.</summary>
    public bool IsUnbounded => Error is null && Value is null;
}
