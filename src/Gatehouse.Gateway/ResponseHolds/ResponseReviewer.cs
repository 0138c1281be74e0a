using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Policy;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.ResponseHolds;

/// <summary>
/// Opens the approval request for a held response and waits up to the rule's wait for reviewers, sending a streaming
/// client a heartbeat comment every <see cref="Configuration.ResponseHoldConfig.Heartbeat"/> meanwhile.
/// </summary>
/// <remarks>
/// The approval is bound to the SHA-256 of the exact held bytes and to the requester, like a request's. The state is
/// in the store, so a reviewer acting through any gateway instance releases the wait. When the wait ends first, the
/// request stays pending until its own timeout, but the held bytes are gone: nothing can release them later. A caller
/// over its caps (<see cref="CallerHolds"/>, <c>limits.maxPendingPerCaller</c>) is refused before anything is opened.
/// </remarks>
internal sealed class ResponseReviewer(IApprovalStore store, ReviewAudit audit, CallerHolds holds, Configuration.GatehouseConfig config, TimeProvider time)
{
    public async Task<ApprovalOutcome> ReviewAsync(
        Exchange exchange, HeldResponse held, PolicyRule rule, HoldFacts facts, string justification, CancellationToken cancellationToken)
    {
        var caller = exchange.Caller!;
        var requester = caller.ToPrincipal();
        if (await store.FindValidApprovalAsync(facts.Digest!, requester.Id, cancellationToken) is { } granted)
        {
            return new ApprovalOutcome(granted);
        }

        using var lease = holds.TryEnter(requester.Id);
        if (lease is null)
        {
            return ApprovalOutcome.Limited(holds.Limit());
        }

        if (await store.CountPendingAsync(requester.Id, cancellationToken) >= config.Limits.MaxPendingPerCaller)
        {
            return ApprovalOutcome.Limited(HoldLimit.TooManyPending(config.Limits.MaxPendingPerCaller));
        }

        var requirement = rule.Approval!;
        var created = await store.CreateAsync(
            ApprovalDrafts.For(exchange, requester, requirement, rule.Name, facts.Digest!, HeldPart.Response, justification), cancellationToken);
        await audit.RecordAsync(created.Events, CancellationToken.None);
        return new ApprovalOutcome(await WaitAsync(created.Value!, requirement.Wait, held, cancellationToken));
    }

    private async Task<ApprovalRequest> WaitAsync(ApprovalRequest request, TimeSpan wait, HeldResponse held, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        var heartbeat = config.ResponseHolds.Heartbeat;
        while (true)
        {
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return request;
            }

            var slice = held.Buffer.IsStream && remaining > heartbeat ? heartbeat : remaining;
            request = await store.WaitForResolutionAsync(request.Id, slice, cancellationToken);
            if (request.State != ReviewState.Pending)
            {
                return request;
            }

            if (held.Buffer.IsStream && time.GetUtcNow() < deadline)
            {
                await held.HeartbeatAsync(request.Id, cancellationToken);
            }
        }
    }
}
