namespace Gatehouse.Storage.Approvals;

/// <summary>Which state change a <see cref="ReviewEvent"/> records.</summary>
public enum ReviewEventKind
{
    /// <summary>A request was opened.</summary>
    Requested,

    /// <summary>A reviewer recorded a decision.</summary>
    Reviewed,

    /// <summary>The request resolved as approved.</summary>
    Approved,

    /// <summary>The request resolved as rejected.</summary>
    Rejected,

    /// <summary>The request passed its timeout while pending and counts as rejected.</summary>
    TimedOut,

    /// <summary>An active grant was revoked.</summary>
    Revoked,

    /// <summary>The requester withdrew the request while it was pending.</summary>
    Cancelled,
}
