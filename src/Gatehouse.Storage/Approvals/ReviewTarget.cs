namespace Gatehouse.Storage.Approvals;

/// <summary>What kind of request is under review; the prefix of its audit event kinds.</summary>
public enum ReviewTarget
{
    /// <summary>A held exchange (<c>approval.*</c> events).</summary>
    Approval,

    /// <summary>A just-in-time access grant (<c>grant.*</c> events).</summary>
    Grant,
}
