namespace Gatehouse.Gateway.Configuration;

/// <summary>What a connection's <c>mcp.pinning</c> does with tool definitions after the first <c>tools/list</c>.</summary>
public enum McpToolPinning
{
    /// <summary>A changed definition and a new tool are hidden and refused until an admin accepts them (the default).</summary>
    Strict,

    /// <summary>A changed definition is hidden and refused until accepted; a new tool is pinned as listed.</summary>
    TrustNew,

    /// <summary>Tool definitions are not pinned.</summary>
    Off,
}
