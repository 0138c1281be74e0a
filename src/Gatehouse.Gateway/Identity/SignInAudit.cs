using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Exchanges;

namespace Gatehouse.Gateway.Identity;

/// <summary>Builds the audit entry of a refused caller: the failure code and where the request came from, never the credential.</summary>
/// <remarks>
/// Sign-in failures are audited so a SIEM sees credential stuffing and revoked keys still in use. The connection is
/// the first path segment as sent, which may name no configured connection.
/// </remarks>
internal static class SignInAudit
{
    public static AuditEntryDraft Draft(Exchange exchange, string? connection, IdentityFailure failure, DateTimeOffset now)
    {
        var record = new SignInFailure
        {
            RequestId = exchange.Id,
            Code = failure.Code.ToName(),
            Status = failure.Status,
            Method = exchange.Method,
            Connection = connection is { Length: > 0 and <= 64 } ? connection : null,
            ClientAddress = exchange.ClientAddress,
            UserAgent = exchange.UserAgent,
        };
        return AuditEntryCodec.ForSignInFailure(record, now);
    }
}
