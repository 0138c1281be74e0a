using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.Development;

namespace Gatehouse.Gateway.Mcp.Approvals;

/// <summary>
/// The URL a stateless client's user is sent to for a held call: the console's inbox entry of the approval when the
/// console is on (<c>/console/reviews#item-{id}</c>), else the approvals API (<c>/api/approvals/{id}</c>), both under
/// the gateway's public URL.
/// </summary>
/// <remarks>
/// Neither URL is pre-authenticated (client/elicitation, "Safe URL Handling"): whoever opens it signs in, and only the
/// rule's reviewers may decide; the requester can follow the request's state.
/// </remarks>
internal static class McpReviewLink
{
    public static Uri For(GatehouseConfig config, string approvalId)
    {
        var root = DevIssuer.PublicBase(config.Server);
        var escaped = Uri.EscapeDataString(approvalId);
        return new Uri(config.Console.Oidc is null ? $"{root}/api/approvals/{escaped}" : $"{root}/console/reviews#item-{escaped}");
    }
}
