using System.Security.Cryptography;
using System.Text;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Policy;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.Approvals;

/// <summary>
/// Holds a request that policy sends for review: an approval bound to exactly this content and this requester lets it
/// through at once; otherwise an approval request is opened (or the pending one for the same content reused) and the
/// client's request waits up to the rule's wait time for a reviewer.
/// </summary>
/// <remarks>
/// The digest covers the connection, method, path and the exact (masked) body forwarded, so a changed request needs a
/// new approval; for an MCP call it covers the connection, JSON-RPC method, tool and masked arguments. The state lives in the store, so a reviewer acting through any gateway instance releases the wait.
/// A call from a stateless MCP client that declares URL elicitation is not kept waiting (<see cref="Mcp.Approvals.McpStatelessHold"/>).
/// A caller with <c>limits.maxHoldsPerCaller</c> exchanges already waiting, or <c>limits.maxPendingPerCaller</c>
/// approvals already pending, is refused (429) before anything is opened.
/// </remarks>
internal sealed class ApprovalGate(
    IApprovalStore store, ReviewAudit audit, CallerHolds holds, Mcp.Approvals.McpStatelessHold stateless, GatehouseConfig config, TimeProvider time)
{
    public async Task<ApprovalOutcome> HoldAsync(Exchange exchange, ApprovalRequirement requirement, string rule, CancellationToken cancellationToken)
    {
        if (Mcp.Approvals.McpStatelessHold.Applies(exchange))
        {
            // A stateless MCP client that can open a URL is not kept waiting: it is sent to the review (input_required).
            return await stateless.HoldAsync(exchange, requirement, rule, cancellationToken);
        }

        var caller = exchange.Caller!;
        var requester = caller.ToPrincipal();
        var digest = Digest(exchange);
        if (await store.FindValidApprovalAsync(digest, requester.Id, cancellationToken) is { } granted)
        {
            return await ReleaseAsync(granted, exchange);
        }

        using var lease = holds.TryEnter(requester.Id);
        if (lease is null)
        {
            return ApprovalOutcome.Limited(holds.Limit());
        }

        var pending = await store.FindPendingAsync(digest, requester.Id, cancellationToken);
        if (pending is null)
        {
            if (await store.CountPendingAsync(requester.Id, cancellationToken) >= config.Limits.MaxPendingPerCaller)
            {
                return ApprovalOutcome.Limited(HoldLimit.TooManyPending(config.Limits.MaxPendingPerCaller));
            }

            var created = await store.CreateAsync(
                ApprovalDrafts.For(exchange, requester, requirement, rule, digest, HeldPart.Request, exchange.DecisionReason ?? ""), cancellationToken);
            await audit.RecordAsync(created.Events, CancellationToken.None);
            pending = created.Value!;
        }

        var resolved = await store.WaitForResolutionAsync(pending.Id, requirement.Wait, cancellationToken);
        return resolved.State == ReviewState.Approved ? await ReleaseAsync(resolved, exchange) : new ApprovalOutcome(resolved);
    }

    private async Task<ApprovalOutcome> ReleaseAsync(ApprovalRequest approved, Exchange exchange)
    {
        await audit.RecordReleaseAsync(approved, exchange.Id, time.GetUtcNow(), CancellationToken.None);
        return new ApprovalOutcome(approved);
    }

    public static string Digest(Exchange exchange)
    {
        if (exchange.Request is { Mcp: { } message, ToolCalls: [var call] })
        {
            // An MCP call is approved as the call itself: its connection, method, tool and (masked) arguments. Its
            // JSON-RPC id and _meta differ on every retry, and must not make an approved call need a second approval.
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{exchange.Connection?.Name}\nmcp {message.Method}\n{call.Name}\n{call.Arguments}")));
        }

        var head = Encoding.UTF8.GetBytes($"{exchange.Connection?.Name}\n{exchange.Method} {exchange.UpstreamPath}{exchange.Query}\n");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(head);
        hash.AppendData(exchange.RequestBody.Span);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
