using Gatehouse.Policy.Durations;

namespace Gatehouse.Gateway.Identity.ApiKeys;

/// <summary>The lifetimes a key may be created with: 1m to ten years, or <c>never</c>.</summary>
internal static class ApiKeyLifetime
{
    /// <summary>The range <c>keys create --expires</c> accepts.</summary>
    public static readonly DurationRange Range = new(TimeSpan.FromMinutes(1), TimeSpan.FromDays(3650), "never");
}
