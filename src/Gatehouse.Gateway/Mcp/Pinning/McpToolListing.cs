using System.Text.Json;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Masking;
using Gatehouse.Storage.Mcp;

namespace Gatehouse.Gateway.Mcp.Pinning;

/// <summary>
/// One <c>tools/list</c> answer checked against its connection's pins, as the response is rewritten: which tools it
/// shows, and what it saw that the store must record afterwards.
/// </summary>
/// <remarks>
/// Called synchronously by the response rewriter for each tool, with the pins read before the request was forwarded.
/// A tool is shown when its definition is the accepted one; on a connection never listed before, every tool is (the
/// first listing pins them); with <see cref="McpToolPinning.TrustNew"/>, so is a tool never seen. The definition kept
/// for an admin's diff is masked, so a secret in a description never reaches the store.
/// </remarks>
internal sealed class McpToolListing(IReadOnlyList<McpToolPin> pins, McpToolPinning mode, MaskingEngine masking)
{
    private readonly Dictionary<string, McpToolPin> _pins = pins.ToDictionary(p => p.Tool, StringComparer.Ordinal);
    private readonly List<McpToolObservation> _seen = [];
    private readonly Lock _lock = new();

    /// <summary>Gets whether anything seen differs from the pins as read: the store must record the listing.</summary>
    public bool Changed { get; private set; }

    /// <summary>Gets the tools seen, in the order listed.</summary>
    public IReadOnlyList<McpToolObservation> Seen
    {
        get
        {
            lock (_lock)
            {
                return [.. _seen];
            }
        }
    }

    /// <summary>Returns whether the listing may show <paramref name="name"/> as <paramref name="tool"/> defines it, and notes it.</summary>
    public bool Shows(string name, JsonElement tool)
    {
        var (hash, canonical) = McpToolDefinition.Of(tool);
        var pinned = _pins.GetValueOrDefault(name);
        lock (_lock)
        {
            _seen.Add(new McpToolObservation(name, hash, masking.Mask(canonical).TextOr(canonical)));
            Changed |= pinned is null || (hash == pinned.AcceptedHash ? pinned.PendingHash is not null : hash != pinned.PendingHash);
        }

        return _pins.Count == 0 || (pinned is null ? mode == McpToolPinning.TrustNew : hash == pinned.AcceptedHash);
    }
}
