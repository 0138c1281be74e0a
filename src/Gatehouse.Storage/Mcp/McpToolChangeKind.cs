namespace Gatehouse.Storage.Mcp;

/// <summary>What a listing changed in a connection's pins.</summary>
public enum McpToolChangeKind
{
    /// <summary>The tool's definition was pinned as accepted (the connection's first listing, or <c>trust-new</c>).</summary>
    Pinned,

    /// <summary>A definition that differs from the accepted one was listed for the first time: the tool is pending.</summary>
    Changed,

    /// <summary>A tool the connection had not listed before appeared after its first listing: it is pending.</summary>
    Added,

    /// <summary>The server listed the accepted definition again, so the definition that was pending is dropped.</summary>
    Reverted,
}
