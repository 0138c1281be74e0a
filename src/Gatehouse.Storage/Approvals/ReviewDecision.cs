namespace Gatehouse.Storage.Approvals;

/// <summary>What one reviewer decided.</summary>
public enum ReviewDecision
{
    /// <summary>The reviewer approves.</summary>
    Approve,

    /// <summary>The reviewer rejects.</summary>
    Reject,
}
