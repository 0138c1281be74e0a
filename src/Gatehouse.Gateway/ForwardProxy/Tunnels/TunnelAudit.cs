using System.Text.Json;
using Gatehouse.Audit;
using Gatehouse.Audit.Chain;

namespace Gatehouse.Gateway.ForwardProxy.Tunnels;

/// <summary>Writes the proxy's own entries: a tunnel opened (durable before its first byte), closed, or a CONNECT refused.</summary>
/// <remarks>Intercepted requests need none of these: each is an exchange of its connection, recorded as one.</remarks>
internal sealed class TunnelAudit(IAuditTrail audit)
{
    public const string Opened = "proxy.tunnel.opened";
    public const string Closed = "proxy.tunnel.closed";
    public const string Refused = "proxy.connect.refused";

    public async ValueTask<AuditWriteResult> RecordAsync(string kind, TunnelRecord record, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(record, TunnelJsonContext.Default.TunnelRecord);
        var index = new AuditIndex
        {
            Subject = record.Subject,
            Email = record.Email,
            Decision = kind == Refused ? "deny" : "allow",
            Status = kind == Refused ? StatusOf(record.Code) : null,
        };
        return await audit.AppendAsync(new AuditEntryDraft(kind, record.TunnelId, record.At, index, payload, null, null), cancellationToken);
    }

    private static int StatusOf(string? code) => code == "proxy_target_unreachable" ? 502 : 403;
}
