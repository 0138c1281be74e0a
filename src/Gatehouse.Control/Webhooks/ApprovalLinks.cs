namespace Gatehouse.Control.Webhooks;

/// <summary>Where a reviewer finds an approval: its admin API address and the CLI commands that decide it.</summary>
/// <param name="PublicBase">The gateway's public base URL, without a trailing slash.</param>
internal sealed record ApprovalLinks(string PublicBase)
{
    public string Api(string approvalId) => $"{PublicBase}/api/approvals/{Uri.EscapeDataString(approvalId)}";

    public string ApproveCommand(string approvalId) => $"gatehouse approvals approve {approvalId} --url {PublicBase}";

    public string RejectCommand(string approvalId) => $"gatehouse approvals reject {approvalId} --url {PublicBase}";
}
