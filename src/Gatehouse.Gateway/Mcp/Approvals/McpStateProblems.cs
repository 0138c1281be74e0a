namespace Gatehouse.Gateway.Mcp.Approvals;

/// <summary>The stable codes (in a JSON-RPC error's <c>data.code</c>) of a retry whose request state is refused.</summary>
internal static class McpStateProblems
{
    /// <summary>The state was not issued by this deployment, or was changed.</summary>
    public const string Invalid = "request_state_invalid";

    /// <summary>The state's lifetime (the approval's timeout and validity) has passed.</summary>
    public const string Expired = "request_state_expired";

    /// <summary>The state was issued for another call, caller or connection.</summary>
    public const string Mismatch = "request_state_mismatch";

    /// <summary>The approval the state carries has already released its call once.</summary>
    public const string Used = "request_state_used";
}
