using System.Text.Json;
using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Exchanges;

namespace Gatehouse.Gateway.ResponseHolds;

/// <summary>Writes a held response's steps to the audit trail: held (with the rules), then released or refused.</summary>
internal sealed class ResponseHoldAudit(IAuditTrail audit, TimeProvider time)
{
    public const string Held = "response.held";
    public const string Released = "response.released";
    public const string Refused = "response.refused";

    /// <summary>Appends one step and waits until it is durable; returns whether it was written.</summary>
    public async Task<bool> RecordAsync(
        string kind, Exchange exchange, HoldFacts facts, string? approvalId, ResponseHoldOutcome? outcome, CancellationToken cancellationToken)
    {
        var caller = exchange.Caller!;
        var connection = exchange.Connection?.Name ?? "";
        var record = new ResponseHoldEventRecord(
            kind, exchange.Id, approvalId, connection, caller.Subject, facts.Rules, facts.ToolCalls, facts.Digest, outcome, time.GetUtcNow())
        {
            Held = kind == Held && facts.Held.Count > 0 ? facts.Held : null,
        };
        var payload = JsonSerializer.SerializeToUtf8Bytes(record, ResponseHoldJsonContext.Default.ResponseHoldEventRecord);
        var index = new AuditIndex { Subject = caller.Subject, Email = caller.Email, Connection = connection, Decision = (outcome ?? ResponseHoldOutcome.Held).ToName() };
        var written = await audit.AppendAsync(new AuditEntryDraft(kind, exchange.Id, record.At, index, payload, null, null), cancellationToken);
        return written.Success;
    }
}
