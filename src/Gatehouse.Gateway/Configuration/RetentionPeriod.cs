namespace Gatehouse.Gateway.Configuration;

/// <summary>How long something is kept: a duration, or for ever.</summary>
/// <param name="Keep">The duration, or null for ever.</param>
public sealed record RetentionPeriod(TimeSpan? Keep)
{
    /// <summary>Kept for ever: retention never removes it.</summary>
    public static readonly RetentionPeriod Forever = new((TimeSpan?)null);
}
