namespace Gatehouse.Gateway.Mcp.Pinning;

/// <summary>
/// The payload of an <c>mcp.tool.pinned</c>, <c>mcp.tool.changed</c>, <c>mcp.tool.reverted</c> or
/// <c>mcp.tool.accepted</c> audit entry: the connection, the tool and definition hashes, never a definition.
/// </summary>
/// <param name="Event">The entry's kind.</param>
/// <param name="Connection">The connection's name.</param>
/// <param name="Tool">The tool's name.</param>
/// <param name="Change">For a listing, what it changed: <c>pinned</c>, <c>changed</c>, <c>added</c>, <c>reverted</c>.</param>
/// <param name="PreviousHash">The definition accepted before, or null.</param>
/// <param name="Hash">The definition pinned, pending or accepted.</param>
/// <param name="At">When.</param>
internal sealed record McpToolEventRecord(string Event, string Connection, string Tool, string Change, string? PreviousHash, string Hash, DateTimeOffset At)
{
    /// <summary>Gets the exchange whose <c>tools/list</c> answer showed the definition, for a listing's entry.</summary>
    public string? Exchange { get; init; }

    /// <summary>Gets who accepted the definition (an admin's subject), for <c>mcp.tool.accepted</c>.</summary>
    public string? AcceptedBy { get; init; }
}
