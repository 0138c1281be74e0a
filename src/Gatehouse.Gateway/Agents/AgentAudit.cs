using System.Text.Json;
using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Agents;

/// <summary>Writes agent connects, disconnects and refusals to the audit trail: who, from where, why; never the token's secret.</summary>
internal sealed class AgentAudit(IAuditTrail audit, ILogger<AgentAudit> logger)
{
    public const string Connected = "agent.connected";
    public const string Disconnected = "agent.disconnected";
    public const string Refused = "agent.refused";

    /// <summary>Appends the entry and waits until it is durable; a failure is logged (event 1904), the tunnel goes on.</summary>
    /// <remarks>
    /// A tunnel carries no exchange of its own: every exchange through it is still recorded, fail closed, by the data path.
    /// </remarks>
    public async Task RecordAsync(string entryId, AgentEventRecord record, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(record, AgentJsonContext.Default.AgentEventRecord);
        var index = new AuditIndex { Subject = record.Agent is null ? null : "agent:" + record.Agent };
        var result = await audit.AppendAsync(new AuditEntryDraft(record.Event, entryId, record.At, index, payload, null, null), cancellationToken);
        if (result.Error is { } error)
        {
            Log.AuditFailed(logger, record.Event, entryId, error);
        }
    }
}
