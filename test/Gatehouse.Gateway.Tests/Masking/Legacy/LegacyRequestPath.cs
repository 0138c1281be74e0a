using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Masking;
using Gatehouse.Masking;
using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Tests.Masking.Legacy;

/// <summary>
/// A frozen copy of an understood request's way through stages 3 and 4 before the one-pass change (b2e2c8e): the
/// adapter parses a copy of the body, masking parses another copy and writes every string again, the adapter parses
/// the masked bytes when something changed, and forwarding copies the body once more.
/// </summary>
internal static class LegacyRequestPath
{
    /// <summary>Returns the bytes forwarded, the request policy saw and what was found; null request when not understood.</summary>
    public static (byte[] Forwarded, ParsedRequest? Request, List<AuditFinding> Findings) Run(IProtocolAdapter adapter, MaskingEngine engine, byte[] body)
    {
        var request = adapter.ParseRequest(body).Request;
        var findings = new List<AuditFinding>();
        if (request is null)
        {
            return (body, null, findings);
        }

        var masked = LegacyJsonStringRewriter.Rewrite(body, text =>
        {
            var result = engine.Mask(text);
            findings.AddRange(result.Findings.Select(f => FindingNames.ToAudit(f, "request", "prompt")));
            return result.MaskedText;
        });
        if (masked is not null)
        {
            body = masked;
            request = adapter.ParseRequest(masked).Request;
        }

        return (body.ToArray(), request, findings);
    }
}
