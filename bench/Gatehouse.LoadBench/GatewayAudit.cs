namespace Gatehouse.LoadBench;

/// <summary>
/// The audit check of one gateway run: what the clients sent and received against what the audit holds, and whether
/// <c>gatehouse audit verify</c> passed.
/// </summary>
internal sealed record GatewayAudit(string Target, long Received, long Sent, AuditCount Count, bool Intact, string Verdict)
{
    /// <summary>
    /// Gets whether the audit holds one complete record per request that reached the gateway. A load generator ends by
    /// closing its connections, so requests written in its last instant may never arrive: the audit must hold at least
    /// every answered request and never more than were written.
    /// </summary>
    public bool Complete => Count.Intents >= Received && Count.Intents <= Sent && Count.IntentsWithoutEnd == 0 &&
        Count.Outcomes + Count.Interrupted == Count.Intents;
}
