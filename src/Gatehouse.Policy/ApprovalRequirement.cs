namespace Gatehouse.Policy;

/// <summary>Describes who must approve a held exchange, how many of them, and for how long the hold lasts.</summary>
/// <remarks>Every default below is what the loader fills in when the policy file leaves the key out.</remarks>
public sealed record ApprovalRequirement
{
    /// <summary>Gets the default number of approvals needed: 1.</summary>
    public const int DefaultApprovals = 1;

    /// <summary>Gets the default number of rejections that reject at once: 1.</summary>
    public const int DefaultDenyThreshold = 1;

    /// <summary>Gets the default time a client's request is kept open waiting: 60 seconds.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    /// <summary>Gets the default time after which a pending request is rejected: 15 minutes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Gets the default lifetime of a granted approval: 1 hour.</summary>
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromHours(1);

    /// <summary>Gets the groups whose members may review. Empty with empty <see cref="ReviewerUsers"/> never happens: the loader rejects it.</summary>
    public IReadOnlyList<string> ReviewerGroups { get; init; } = [];

    /// <summary>Gets the users (subject or email) who may review.</summary>
    public IReadOnlyList<string> ReviewerUsers { get; init; } = [];

    /// <summary>Gets the number of approvals needed; defaults to 1.</summary>
    public int Approvals { get; init; } = DefaultApprovals;

    /// <summary>Gets the number of rejections that reject at once; defaults to 1.</summary>
    public int DenyThreshold { get; init; } = DefaultDenyThreshold;

    /// <summary>Gets how long the client's request stays open waiting; defaults to 60 seconds.</summary>
    public TimeSpan Wait { get; init; } = DefaultWait;

    /// <summary>Gets how long a request may stay pending before it counts as rejected; defaults to 15 minutes.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Gets how long a granted approval stays valid for retries; defaults to 1 hour.</summary>
    public TimeSpan Expiry { get; init; } = DefaultExpiry;

    /// <summary>Gets what is held: the request, or the response (the default for rules that look at tool calls or responses).</summary>
    public ApprovalHold Hold { get; init; } = ApprovalHold.Request;
}
