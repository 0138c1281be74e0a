namespace Gatehouse.Control.Webhooks;

/// <summary>Where a reviewer finds an approval or an access request: its API address and the CLI commands that decide it.</summary>
/// <param name="PublicBase">The gateway's public base URL, without a trailing slash.</param>
internal sealed record ApprovalLinks(string PublicBase)
{
    public string Api(string approvalId) => $"{PublicBase}/api/approvals/{Uri.EscapeDataString(approvalId)}";

    public string ApproveCommand(string approvalId) => $"gatehouse approvals approve {approvalId} --url {PublicBase}";

    public string RejectCommand(string approvalId) => $"gatehouse approvals reject {approvalId} --url {PublicBase}";

    /// <summary>Gets the access API's address of an access request.</summary>
    public string AccessApi(string grantId) => $"{PublicBase}/api/access/requests/{Uri.EscapeDataString(grantId)}";

    public string AccessApproveCommand(string grantId) => $"gatehouse access approve {grantId} --url {PublicBase}";

    public string AccessRejectCommand(string grantId) => $"gatehouse access reject {grantId} --url {PublicBase}";
}
