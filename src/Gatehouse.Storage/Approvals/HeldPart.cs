namespace Gatehouse.Storage.Approvals;

/// <summary>Which half of the exchange an approval holds back.</summary>
public enum HeldPart
{
    /// <summary>The request is not forwarded until approved.</summary>
    Request,

    /// <summary>The response is not released until approved.</summary>
    Response,
}
