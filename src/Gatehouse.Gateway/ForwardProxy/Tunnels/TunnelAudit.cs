using System.Text.Json;
using Gatehouse.Audit;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Chain;

namespace Gatehouse.Gateway.ForwardProxy.Tunnels;

/// <summary>Writes the proxy's own entries: a tunnel opened (durable before its first byte), closed, or a CONNECT refused.</summary>
/// <remarks>Intercepted requests need none of these: each is an exchange of its connection, recorded as one.</remarks>
internal sealed class TunnelAudit(IAuditTrail audit)
{
    public const string Opened = "proxy.tunnel.opened";
    public const string Closed = "proxy.tunnel.closed";
    public const string Refused = "proxy.connect.refused";

    /// <summary>
    /// Records a refused CONNECT: the draft with its route <c>refuse</c>, the code's stable name and the status the client
    /// is answered (403 for a refusal by rule, 502 for a target that cannot be resolved or reached).
    /// </summary>
    public ValueTask<AuditWriteResult> RecordRefusalAsync(TunnelRecord draft, ExchangeFailureCode code, int status, CancellationToken cancellationToken)
        => WriteAsync(Refused, draft with { Route = "refuse", Code = code.ToName() }, status, cancellationToken);

    public ValueTask<AuditWriteResult> RecordAsync(string kind, TunnelRecord record, CancellationToken cancellationToken)
        => WriteAsync(kind, record, null, cancellationToken);

    private async ValueTask<AuditWriteResult> WriteAsync(string kind, TunnelRecord record, int? refusedStatus, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(record, TunnelJsonContext.Default.TunnelRecord);
        var index = new AuditIndex
        {
            Subject = record.Subject,
            Email = record.Email,
            Decision = refusedStatus is null ? "allow" : "deny",
            Status = refusedStatus,
        };
        return await audit.AppendAsync(new AuditEntryDraft(kind, record.TunnelId, record.At, index, payload, null, null), cancellationToken);
    }
}
