using System.Text;
using System.Text.Json;
using Gatehouse.Audit.Store;
using Gatehouse.Gateway.ResponseHolds;
using Gatehouse.Policy.Context;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Control.Reviews;

/// <summary>What a reviewer is shown of a held exchange: the masked prompt, or the held tool calls, bounded.</summary>
/// <remarks>
/// Read from the audit trail, which keeps exactly what was inspected, masked: a reviewer sees what the gateway would
/// forward or release, never the raw secret the masking took out. Only reviewers get it; the requester sees that the
/// request is pending (and for a held response, never what was kept from them).
/// </remarks>
internal static class HeldContent
{
    /// <summary>The most characters shown: 16,000.</summary>
    public const int MaxChars = 16_000;

    public static async Task<string?> ReadAsync(ApprovalRequest request, IAuditStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Hold == HeldPart.Request)
        {
            var record = await store.GetExchangeAsync(request.ExchangeId, cancellationToken).ConfigureAwait(false);
            return Bound(record?.Intent.Prompt ?? "(the prompt is not recorded: the connection keeps metadata only)");
        }

        var calls = await ReadHeldCallsAsync(request, store, cancellationToken).ConfigureAwait(false);
        if (calls is null)
        {
            return null;
        }

        if (calls.Count == 0)
        {
            return "(the held response has no tool calls to show)";
        }

        var text = new StringBuilder();
        foreach (var call in calls)
        {
            text.Append(call.Name).Append('(').Append(call.Arguments).Append(")\n");
        }

        return Bound(text.ToString().TrimEnd('\n'));
    }

    /// <summary>
    /// Reads the tool calls a held response keeps back, masked, as the audit recorded them; null when the request
    /// holds a request, or nothing was recorded.
    /// </summary>
    public static async Task<IReadOnlyList<PolicyToolCall>?> ReadHeldCallsAsync(ApprovalRequest request, IAuditStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Hold != HeldPart.Response || store is not IExchangeEntryReader reader)
        {
            return null;
        }

        var entries = await reader.ReadExchangeEntriesAsync(request.ExchangeId, cancellationToken).ConfigureAwait(false);
        var held = entries.LastOrDefault(e => e.Kind == ResponseHoldAudit.Held);
        if (held is null)
        {
            return null;
        }

        using var payload = JsonDocument.Parse(held.Payload);
        if (!payload.RootElement.TryGetProperty(ResponseHoldEventRecord.HeldProperty, out var calls) || calls.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. calls.EnumerateArray().Select(call => new PolicyToolCall(Text(call, "name"), Text(call, "arguments")))];
    }

    private static string Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static string Bound(string text)
        => text.Length <= MaxChars ? text : string.Concat(text.AsSpan(0, MaxChars), "\n[truncated]");
}
