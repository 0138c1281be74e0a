namespace Gatehouse.Policy;

/// <summary>Names what an approval holds back until reviewers decide.</summary>
public enum ApprovalHold
{
    /// <summary>The request is not forwarded until approved.</summary>
    Request,

    /// <summary>The request is forwarded; the response is not released until approved.</summary>
    Response,
}
