using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Proofs;
using Gatehouse.Audit.Store;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Control.AuditApi;

/// <summary>
/// Reads the audit trail for one caller: search, one exchange, and an exchange's inclusion proof. The audit API and the
/// console's audit pages both read through this, so who may read what is decided once.
/// </summary>
/// <remarks>
/// Admins and auditors read every exchange; anyone else only the exchanges they made, a restriction added to the store
/// query itself. Another person's exchange is reported as not found, exactly like one that does not exist. A requester
/// reading their own exchange does not get back what a response hold kept from them (<see cref="HeldPartFilter"/>), and
/// for the same reason only the reading roles get proofs: a proof carries every entry's canonical bytes whole.
/// </remarks>
internal sealed class AuditReader(GatehouseConfig config, IAuditCheckpointStore store)
{
    /// <summary>Returns a page of exchanges the caller may read, newest first.</summary>
    public async Task<AuditRead<AuditPageView>> SearchAsync(GatehouseIdentity caller, ExchangeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!AuditReach.ReadsEveryone(caller, config.Roles))
        {
            if (query.User is { } user && !AuditReach.IsSelf(caller, user))
            {
                return AuditRead<AuditPageView>.Refused(StatusCodes.Status403Forbidden, "audit_forbidden",
                    "You may search only your own exchanges: leave out user, or ask an auditor.");
            }

            query = query with { Requester = caller.PrincipalNames };
        }

        var page = await store.SearchAsync(query, cancellationToken);
        return AuditRead<AuditPageView>.Of(new AuditPageView([.. page.Items.Select(AuditSummaryView.Of)], page.NextCursor));
    }

    /// <summary>Returns one exchange in full as the caller may read it, or <c>exchange_not_found</c>.</summary>
    public async Task<AuditRead<AuditExchangeView>> ReadAsync(GatehouseIdentity caller, string id, CancellationToken cancellationToken)
    {
        var record = await store.GetExchangeAsync(id, cancellationToken);
        var everyone = AuditReach.ReadsEveryone(caller, config.Roles);
        if (record is null || (!everyone && !AuditReach.IsOwn(caller, record.Intent.Identity)))
        {
            return NotFound<AuditExchangeView>(id);
        }

        var entries = store is IExchangeEntryReader reader ? await reader.ReadExchangeEntriesAsync(id, cancellationToken) : [];
        var events = entries.Where(e => e.Kind is not (AuditEntryKinds.Intent or AuditEntryKinds.Outcome or AuditEntryKinds.Interrupted))
            .Select(AuditEventView.Of)
            .Select(e => everyone ? e : HeldPartFilter.Withhold(e))
            .ToList();
        return AuditRead<AuditExchangeView>.Of(everyone || !HeldPartFilter.WasWithheld(record.Outcome)
            ? AuditExchangeView.Of(record, events)
            : AuditExchangeView.Of(HeldPartFilter.Withhold(record), events) with { Withheld = HeldPartFilter.Notice });
    }

    /// <summary>
    /// Returns the inclusion proof of an exchange's entries against the latest stored checkpoint: the same bytes as
    /// <c>gatehouse audit prove ID</c> writes.
    /// </summary>
    public async Task<AuditRead<byte[]>> ProveAsync(GatehouseIdentity caller, string id, CancellationToken cancellationToken)
    {
        if (!AuditReach.ReadsEveryone(caller, config.Roles))
        {
            // Not found rather than forbidden for another person's exchange, as for the exchange itself.
            var own = await store.GetExchangeAsync(id, cancellationToken);
            return own is null || !AuditReach.IsOwn(caller, own.Intent.Identity)
                ? NotFound<byte[]>(id)
                : AuditRead<byte[]>.Refused(StatusCodes.Status403Forbidden, "proof_forbidden",
                    "Proofs are for auditors and admins: a proof carries every entry of the exchange whole, including what a hold kept from you. Ask an auditor.");
        }

        if (await store.GetExchangeAsync(id, cancellationToken) is null)
        {
            return NotFound<byte[]>(id);
        }

        var checkpoints = await store.ReadCheckpointsAsync(cancellationToken);
        if (checkpoints.Count == 0)
        {
            return AuditRead<byte[]>.Refused(StatusCodes.Status409Conflict, "no_checkpoint",
                "No checkpoint has been signed yet, so there is nothing to prove against: configure audit.checkpoints, or run 'gatehouse audit checkpoint --key KEY.pem'.");
        }

        var (proof, problem) = await new ExchangeProver(store).ProveAsync(id, checkpoints[^1], cancellationToken);
        return proof is not null
            ? AuditRead<byte[]>.Of(ExchangeProofJson.Write(proof))
            : problem == ProofProblem.NotFound
                ? AuditRead<byte[]>.Refused(StatusCodes.Status409Conflict, "proof_not_ready",
                    $"The latest checkpoint ({checkpoints[^1].TreeSize} entries) was signed before exchange '{id}' was recorded. Try again after the next checkpoint (audit.checkpoints.interval).")
                : AuditRead<byte[]>.Refused(StatusCodes.Status409Conflict, "log_mismatch",
                    "The audit log no longer matches its latest signed checkpoint, so no proof is issued. Run 'gatehouse audit verify-checkpoints' to find the first bad checkpoint.");
    }

    private static AuditRead<T> NotFound<T>(string id)
        where T : class
        => AuditRead<T>.Refused(StatusCodes.Status404NotFound, "exchange_not_found", $"There is no exchange '{id}' that you may read.");
}
