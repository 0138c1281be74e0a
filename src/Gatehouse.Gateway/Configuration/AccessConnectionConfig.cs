namespace Gatehouse.Gateway.Configuration;

/// <summary>How requests for just-in-time access to one connection are reviewed and bounded.</summary>
public sealed record AccessConnectionConfig
{
    /// <summary>The longest access anyone may ask for when <see cref="MaxDuration"/> is not set: 8 hours.</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromHours(8);

    /// <summary>How long a request may wait for reviews when <see cref="Timeout"/> is not set: 15 minutes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Gets the groups whose members may review; empty by default.</summary>
    public IReadOnlyList<string> ReviewerGroups { get; init; } = [];

    /// <summary>Gets the users (subject or email) who may review; empty by default.</summary>
    public IReadOnlyList<string> ReviewerUsers { get; init; } = [];

    /// <summary>Gets how many approvals grant the access; defaults to 1.</summary>
    public int ApprovalsNeeded { get; init; } = 1;

    /// <summary>Gets how many rejections refuse the request at once; defaults to 1.</summary>
    public int DenyThreshold { get; init; } = 1;

    /// <summary>Gets the longest access that may be asked for; defaults to <see cref="DefaultMaxDuration"/>.</summary>
    public TimeSpan MaxDuration { get; init; } = DefaultMaxDuration;

    /// <summary>Gets how long a request may stay pending before it times out; defaults to <see cref="DefaultTimeout"/>.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}
