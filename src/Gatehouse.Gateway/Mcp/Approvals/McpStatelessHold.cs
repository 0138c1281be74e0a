using System.Security.Cryptography;
using System.Text;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Policy;
using Gatehouse.Protocols.Mcp;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Leases;

namespace Gatehouse.Gateway.Mcp.Approvals;

/// <summary>
/// Holds an MCP call from a client of the stateless revision (2026-07-28) that declares URL-mode elicitation: instead of
/// keeping its request open, the gateway answers <c>input_required</c> with a URL-mode elicitation pointing at the
/// review and a sealed request state; the client's retry with that state, once a reviewer approved, runs the call once.
/// </summary>
/// <remarks>
/// <para>The flow ("Multi Round-Trip Requests"; client/elicitation, "URL Mode Flow"):</para>
/// <list type="number">
/// <item>A call without the gateway's state opens an approval (or joins the caller's pending one for the same call) and
/// is answered at once with <c>input_required</c>; nothing reaches the server.</item>
/// <item>A retry's state is opened (<see cref="McpStateSeal"/>: tampered → <c>request_state_invalid</c>, lapsed →
/// <c>request_state_expired</c>) and must name this connection, caller, method, tool and argument digest, else
/// <c>request_state_mismatch</c>: changed arguments need their own approval.</item>
/// <item>While the approval is pending the retry waits up to the rule's <c>wait</c> ("it may need to block until the
/// request is fulfilled"), then is answered <c>input_required</c> again. Rejected or timed out → refused as on the
/// waiting path.</item>
/// <item>Approved → the approval is redeemed once, atomically, in the shared store (a lease named after it, held for
/// its whole validity, so any replica sees it): the call is forwarded without <c>requestState</c>/<c>inputResponses</c>.
/// A second retry with the same state is <c>request_state_used</c>.</item>
/// </list>
/// <para>The digest binds what the waiting path's does (connection, method, tool, masked arguments) under its own label,
/// so an approval given here is single use: the waiting path's reuse within <c>expiry</c> never finds it, and a state
/// never redeems one given there. A foreign <c>requestState</c> (the server's own) is not the gateway's to check: a held
/// call carrying one is treated as a first call.</para>
/// </remarks>
internal sealed class McpStatelessHold(
    IApprovalStore store, ReviewAudit audit, CallerHolds holds, ILeaseStore leases, McpStateSeal seal, GatehouseConfig config, TimeProvider time)
{
    /// <summary>Returns whether <paramref name="exchange"/> is a stateless-revision call whose client can be sent to a URL.</summary>
    public static bool Applies(Exchange exchange)
        => exchange.Request is { Mcp: { Kind: McpMessageKind.Request, Id: not null, ElicitsUrl: true, ProtocolVersion: { } version }, ToolCalls: [_] }
            && McpVersions.RequiresHeaders(version);

    public async Task<ApprovalOutcome> HoldAsync(Exchange exchange, ApprovalRequirement requirement, string rule, CancellationToken cancellationToken)
    {
        var message = exchange.Request!.Mcp!;
        var requester = exchange.Caller!.ToPrincipal();
        var call = new McpRequestState(
            exchange.Connection?.Name ?? "", requester.Id, message.Method ?? "", exchange.Request.ToolCalls[0].Name, Digest(exchange), "", default);
        if (!McpStateSeal.IsOurs(message.RequestState))
        {
            return await AskAsync(exchange, call, requester, requirement, rule, cancellationToken);
        }

        var (state, problem) = seal.Open(message.RequestState!, time.GetUtcNow());
        if (state is null)
        {
            return Refuse(problem!.Value, problem == ExchangeFailureCode.RequestStateExpired
                ? "The request state has expired. Send the call again without requestState to ask for a new approval."
                : "The request state was not issued by this gateway or was changed, so it was refused. Send the call again without requestState to ask for a new approval.");
        }

        if (state with { ApprovalId = "", ExpiresAt = default } != call)
        {
            return Refuse(ExchangeFailureCode.RequestStateMismatch,
                "The request state was issued for a different call (connection, caller, tool or arguments), so it was refused. A changed call needs its own approval: send it without requestState.");
        }

        var approval = await store.GetAsync(state.ApprovalId, cancellationToken);
        if (approval is null || approval.ContentDigest != call.Digest || approval.Requester.Id != requester.Id)
        {
            return Refuse(ExchangeFailureCode.RequestStateInvalid, "The request state names no approval of this call. Send the call again without requestState to ask for a new approval.");
        }

        if (approval.State == ReviewState.Pending)
        {
            using var lease = holds.TryEnter(requester.Id);
            if (lease is null)
            {
                return ApprovalOutcome.Limited(holds.Limit());
            }

            approval = await store.WaitForResolutionAsync(approval.Id, requirement.Wait, cancellationToken);
        }

        return approval.State switch
        {
            ReviewState.Pending => Ask(approval, call),
            ReviewState.Approved => await RedeemAsync(exchange, approval, call, cancellationToken),
            _ => new ApprovalOutcome(approval),
        };
    }

    /// <summary>The digest of the call, as the waiting path's (<see cref="ApprovalGate.Digest"/>) under its own label.</summary>
    public static string Digest(Exchange exchange)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("mcp input_required\n" + ApprovalGate.Digest(exchange))));

    private async Task<ApprovalOutcome> AskAsync(
        Exchange exchange, McpRequestState call, Principal requester, ApprovalRequirement requirement, string rule, CancellationToken cancellationToken)
    {
        var pending = await store.FindPendingAsync(call.Digest, requester.Id, cancellationToken);
        if (pending is null)
        {
            if (await store.CountPendingAsync(requester.Id, cancellationToken) >= config.Limits.MaxPendingPerCaller)
            {
                return ApprovalOutcome.Limited(HoldLimit.TooManyPending(config.Limits.MaxPendingPerCaller));
            }

            var created = await store.CreateAsync(
                ApprovalDrafts.For(exchange, requester, requirement, rule, call.Digest, HeldPart.Request, exchange.DecisionReason ?? ""), cancellationToken);
            await audit.RecordAsync(created.Events, CancellationToken.None);
            pending = created.Value!;
        }

        return Ask(pending, call);
    }

    private ApprovalOutcome Ask(ApprovalRequest approval, McpRequestState call)
    {
        // Accepted while the approval may still be decided and then used: its timeout, then its validity.
        var state = seal.Seal(call with { ApprovalId = approval.Id, ExpiresAt = approval.CreatedAt + approval.Timeout + approval.Expiry });
        var message = $"A reviewer must approve this call to '{call.Tool}' (approval {approval.Id}, rule '{approval.RuleName}'). "
            + "Open the link to follow the review, then retry the call once it is approved.";
        return new ApprovalOutcome(approval) { InputRequired = new McpInputRequest(McpReviewLink.For(config, approval.Id), message, state) };
    }

    private async Task<ApprovalOutcome> RedeemAsync(Exchange exchange, ApprovalRequest approval, McpRequestState call, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!approval.IsValidFor(call.Digest, call.Subject, now))
        {
            return Refuse(ExchangeFailureCode.RequestStateExpired, $"The approval {approval.Id} has expired. Send the call again without requestState to ask for a new approval.");
        }

        // One holder for the approval's whole validity: the first retry to take it runs the call; any later one, on any
        // replica, finds it taken. When the lease lapses the approval has expired too.
        var redeemed = await leases.AcquireAsync("mcp-approval:" + approval.Id, exchange.Id, approval.ExpiresAt!.Value - now, cancellationToken);
        if (redeemed is null || redeemed.Holder != exchange.Id)
        {
            return Refuse(ExchangeFailureCode.RequestStateUsed, $"The approval {approval.Id} has already released this call once. Send the call again without requestState to ask for a new approval.");
        }

        exchange.RequestBody = McpRetryFields.Strip(exchange.RequestBody);
        await audit.RecordReleaseAsync(approval, exchange.Id, now, CancellationToken.None);
        return new ApprovalOutcome(approval);
    }

    private static ApprovalOutcome Refuse(ExchangeFailureCode code, string detail) => new((ApprovalRequest?)null) { StateRefused = new McpStateRefusal(code, detail) };
}
