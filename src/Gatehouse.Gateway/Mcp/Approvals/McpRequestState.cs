namespace Gatehouse.Gateway.Mcp.Approvals;

/// <summary>
/// What the request state of an <c>input_required</c> answer binds: the call (connection, method, tool and the digest of
/// its masked arguments), the caller, the approval that decides it, and when the state stops being accepted.
/// </summary>
/// <remarks>
/// MCP 2026-07-28 ("Multi Round-Trip Requests", server requirements) has a server treat the echoed state as attacker
/// input, protect its integrity, and bind the principal, a short expiry and the originating request; these are those.
/// </remarks>
internal sealed record McpRequestState(
    string Connection, string Subject, string Method, string Tool, string Digest, string ApprovalId, DateTimeOffset ExpiresAt);
