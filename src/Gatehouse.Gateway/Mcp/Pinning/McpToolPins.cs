using System.Data.Common;
using System.Text.Json;
using Gatehouse.Audit;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Chain;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Masking;
using Gatehouse.Protocols.Mcp;
using Gatehouse.Storage;
using Gatehouse.Storage.Mcp;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Pinning;

/// <summary>
/// Tool definition pinning on the data path (a "rug pull" guard): a <c>tools/list</c> answer shows only tools whose
/// definition is accepted, and a <c>tools/call</c> of a tool without one is refused.
/// </summary>
/// <remarks>
/// <para>Before forwarding, <see cref="CheckAsync"/> reads the connection's pins: a <c>tools/list</c> gets a
/// <see cref="McpToolListing"/> that the response rewriter consults tool by tool; a <c>tools/call</c> of a tool that has
/// no accepted definition, or one with a different definition pending, is refused with <see cref="ExchangeFailureCode.McpToolNotAccepted"/> once the
/// connection has pins (before its first listing there is nothing to compare against). After the response,
/// <see cref="RecordListingAsync"/> writes what the listing saw when it differs from the pins, and audits and announces
/// each new pending definition once (<c>mcp.tool.changed</c>), whichever replica saw it first.</para>
/// <para>Pins that cannot be read fail the request closed (503 <c>mcp_pins_unavailable</c>). The notifications are
/// there only when <c>notifications.webhooks</c> has any (the control plane registers them).</para>
/// </remarks>
internal sealed class McpToolPins(
    IMcpToolPinStore store, IAuditTrail audit, MaskingEngine masking, TimeProvider time, ILogger<McpToolPins> logger, IMcpToolNotifications? notifications = null)
{
    public const string PinnedEvent = "mcp.tool.pinned";
    public const string ChangedEvent = "mcp.tool.changed";
    public const string RevertedEvent = "mcp.tool.reverted";
    public const string AcceptedEvent = "mcp.tool.accepted";

    /// <summary>Reads the pins a <c>tools/list</c> or <c>tools/call</c> needs; returns why a call is refused, or null.</summary>
    public async Task<Refusal?> CheckAsync(Exchange exchange, CancellationToken cancellationToken)
    {
        if (exchange.Request?.Mcp is not { Kind: McpMessageKind.Request, Method: McpMessage.ToolsList or McpMessage.ToolsCall } message
            || exchange.Connection?.Config is not { Mcp.Pinning: not McpToolPinning.Off } connection)
        {
            return null;
        }

        IReadOnlyList<McpToolPin> pins;
        try
        {
            pins = await store.ListAsync(connection.Name, cancellationToken);
        }
        catch (Exception e) when (e is StoreUnavailableException or DbException)
        {
            Log.PinsUnavailable(logger, connection.Name, e);
            return new Refusal(StatusCodes.Status503ServiceUnavailable, ExchangeFailureCode.McpPinsUnavailable, "Tool pins unavailable",
                "The gateway could not read this MCP connection's pinned tool definitions, so the request was not forwarded. Try again shortly; if it persists, tell the gateway's operators.");
        }

        if (message.Method == McpMessage.ToolsList)
        {
            exchange.ToolListing = new McpToolListing(pins, connection.Mcp.Pinning, masking);
            return null;
        }

        var tool = message.Name!;
        if (pins.Count == 0 || pins.FirstOrDefault(p => p.Tool == tool) is { Callable: true })
        {
            return null;
        }

        return new Refusal(StatusCodes.Status403Forbidden, ExchangeFailureCode.McpToolNotAccepted, "Tool definition not accepted",
            $"The tool '{tool}' is not callable through the gateway: its definition is new or has changed since it was pinned, and an admin has not accepted it. "
            + $"An admin can review it with: gatehouse mcp tools diff --connection {connection.Name} --tool {tool}");
    }

    /// <summary>Records what a <c>tools/list</c> answer showed when it differs from the pins; audits and announces each new pending definition.</summary>
    public async Task RecordListingAsync(Exchange exchange)
    {
        if (exchange.ToolListing is not { Changed: true } listing || exchange.Connection is not { } connection)
        {
            return;
        }

        IReadOnlyList<McpToolChange> changes;
        try
        {
            // Not the client's token: the listing was shown, and what it changed must be recorded even if the client left.
            changes = await store.ObserveAsync(connection.Name, listing.Seen, connection.Config.Mcp.Pinning == McpToolPinning.TrustNew, time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception e) when (e is StoreUnavailableException or DbException)
        {
            Log.PinsUnavailable(logger, connection.Name, e);
            return;
        }

        foreach (var change in changes)
        {
            var (kind, name) = change.Kind switch
            {
                McpToolChangeKind.Pinned => (PinnedEvent, "pinned"),
                McpToolChangeKind.Reverted => (RevertedEvent, "reverted"),
                McpToolChangeKind.Added => (ChangedEvent, "added"),
                _ => (ChangedEvent, "changed"),
            };
            var at = time.GetUtcNow();
            await AppendAsync(new McpToolEventRecord(kind, connection.Name, change.Tool, name, change.PreviousHash, change.Hash, at) { Exchange = exchange.Id }, null);
            if (kind == ChangedEvent)
            {
                Log.ToolPending(logger, connection.Name, change.Tool, name, change.Hash);
                notifications?.Pending(connection.Name, change.Tool, name, change.PreviousHash, change.Hash, at);
            }
        }
    }

    /// <summary>Returns the connection's pins.</summary>
    public Task<IReadOnlyList<McpToolPin>> ListAsync(string connection, CancellationToken cancellationToken) => store.ListAsync(connection, cancellationToken);

    /// <summary>Accepts pending definitions as <paramref name="acceptedBy"/> and audits each (<c>mcp.tool.accepted</c>).</summary>
    public async Task<IReadOnlyList<McpToolChange>> AcceptAsync(
        string connection, string? tool, string? hash, string acceptedBy, string? email, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var accepted = await store.AcceptAsync(connection, tool, hash, acceptedBy, at, cancellationToken);
        foreach (var change in accepted)
        {
            Log.ToolAccepted(logger, connection, change.Tool, acceptedBy, change.Hash);
            await AppendAsync(new McpToolEventRecord(AcceptedEvent, connection, change.Tool, "accepted", change.PreviousHash, change.Hash, at) { AcceptedBy = acceptedBy }, email);
        }

        return accepted;
    }

    private async Task AppendAsync(McpToolEventRecord record, string? email)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(record, McpPinJsonContext.Default.McpToolEventRecord);
        var index = new AuditIndex { Connection = record.Connection, Model = record.Tool, Subject = record.AcceptedBy, Email = email };
        var id = Guid.CreateVersion7(record.At).ToString("D");
        var result = await audit.AppendAsync(new AuditEntryDraft(record.Event, id, record.At, index, payload, null, null), CancellationToken.None);
        if (result.Error is { } error)
        {
            Log.AuditFailed(logger, record.Event, record.Tool, error);
        }
    }
}
