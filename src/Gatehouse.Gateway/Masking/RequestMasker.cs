using System.Text;
using Gatehouse.Audit.Records;
using Gatehouse.Masking;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// Masks a request body before the upstream sees it: every string value of a JSON body (whatever the API calls the
/// field), or a whole text body. What it cannot read (binary bodies) it leaves, and says so.
/// </summary>
internal sealed class RequestMasker(MaskingEngine engine)
{
    public RequestMaskResult Mask(ReadOnlySpan<byte> body, string? contentType)
    {
        var findings = new List<AuditFinding>();
        if (body.IsEmpty)
        {
            return new RequestMaskResult(null, findings, Inspected: true, Error: null);
        }

        if (IsJson(contentType) || contentType is null)
        {
            var rewritten = JsonStringRewriter.Rewrite(body, text =>
            {
                var result = engine.Mask(text);
                foreach (var finding in result.Findings)
                {
                    findings.Add(FindingNames.ToAudit(finding, "request", "prompt"));
                }

                return result.MaskedText;
            });
            if (rewritten.Error is null)
            {
                return new RequestMaskResult(rewritten.Json, findings, Inspected: true, Error: null);
            }

            if (IsJson(contentType))
            {
                return new RequestMaskResult(null, findings, Inspected: false, rewritten.Error);
            }
        }

        if (contentType is null || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
            }
            catch (DecoderFallbackException)
            {
                return new RequestMaskResult(null, findings, Inspected: false, Error: null);
            }

            var result = engine.Mask(text);
            findings.AddRange(result.Findings.Select(f => FindingNames.ToAudit(f, "request", "body")));
            return new RequestMaskResult(result.IsChanged ? Encoding.UTF8.GetBytes(result.MaskedText!) : null, findings, Inspected: true, Error: null);
        }

        return new RequestMaskResult(null, findings, Inspected: false, Error: null);
    }

    private static bool IsJson(string? contentType)
        => contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));
}
