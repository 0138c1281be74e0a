namespace Gatehouse.Storage.Approvals;

/// <summary>Where a reviewed request stands; only <see cref="Pending"/> ever changes.</summary>
public enum ReviewState
{
    /// <summary>Waiting for reviews.</summary>
    Pending,

    /// <summary>Enough reviewers approved.</summary>
    Approved,

    /// <summary>Enough reviewers rejected.</summary>
    Rejected,

    /// <summary>Nobody resolved it before its timeout; it counts as rejected.</summary>
    TimedOut,

    /// <summary>The requester withdrew it while it was pending; it counts as rejected.</summary>
    Cancelled,
}
