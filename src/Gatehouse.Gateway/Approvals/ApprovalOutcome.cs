using Gatehouse.Gateway.Mcp.Approvals;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.Approvals;

/// <summary>
/// How holding an exchange for review ended: approved (go on), rejected or timed out, still pending, or refused
/// before a reviewer was asked because the caller is over a cap (<see cref="Limit"/>, with no request); for a stateless
/// MCP client, answered with the review's URL (<see cref="InputRequired"/>) or refused for its request state
/// (<see cref="StateRefused"/>).
/// </summary>
internal sealed record ApprovalOutcome(ApprovalRequest? Request)
{
    /// <summary>Gets the cap the caller is over, when no request was opened.</summary>
    public HoldLimit? Limit { get; init; }

    /// <summary>Gets the <c>input_required</c> answer for a stateless MCP client, while its approval is pending.</summary>
    public McpInputRequest? InputRequired { get; init; }

    /// <summary>Gets why a stateless MCP retry was refused for its request state.</summary>
    public McpStateRefusal? StateRefused { get; init; }

    /// <summary>Gets a value indicating whether the approval store failed while the request waited (fail closed: not forwarded).</summary>
    public bool Unavailable { get; init; }

    public bool Approved => Request?.State == ReviewState.Approved;

    public bool Pending => Request?.State == ReviewState.Pending;

    public static ApprovalOutcome Limited(HoldLimit limit) => new((ApprovalRequest?)null) { Limit = limit };
}
