using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Gatehouse.Audit.Records;
using Gatehouse.Masking;
using Gatehouse.Protocols.Json;
using Microsoft.Net.Http.Headers;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// Masks a request body before the upstream sees it, reading the body for what it is rather than for what its
/// <c>Content-Type</c> says: an understood API's body as JSON, any body that parses as JSON as JSON (so escapes are
/// decoded before detection), a form as decoded names and values, other UTF-8 text as text. What it cannot read it
/// refuses, because forwarding it would forward something nobody inspected.
/// </summary>
/// <remarks>
/// Refused: bodies that are not UTF-8 (or declare another charset, which the upstream would decode differently), text
/// with NUL characters (UTF-16 that happens to be valid UTF-8, which an upstream may sniff and decode), and multipart
/// bodies (file uploads), whose parts are not inspected.
/// </remarks>
internal sealed partial class RequestMasker(MaskingEngine engine)
{
    private const string NotJson = "is not valid JSON";

    /// <summary>Masks <paramref name="body"/>; <paramref name="understood"/> says an adapter already parsed it as JSON.</summary>
    public RequestMaskResult Mask(ReadOnlyMemory<byte> body, string? contentType, bool understood)
    {
        var findings = new List<AuditFinding>();
        if (body.IsEmpty)
        {
            return new RequestMaskResult(null, findings, null);
        }

        if (understood)
        {
            // The adapter parsed these bytes as the API's JSON whatever the header said; they are masked as that JSON.
            using var understoodJson = RequestJson.TryParse(body, out var error);
            return understoodJson is null ? Refused(findings, $"it {error}") : MaskJson(understoodJson);
        }

        MediaTypeHeaderValue.TryParse(contentType, out var media);
        var charset = media?.Charset.Value;
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(findings, $"its charset is '{charset}'; the gateway inspects UTF-8 only");
        }

        if (media?.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Refused(findings, "multipart bodies (file uploads) are not inspected");
        }

        var bytes = body.Span;
        if (!Utf8.IsValid(bytes))
        {
            return Refused(findings, "it is not UTF-8 text");
        }

        if (bytes.Contains((byte)0))
        {
            return Refused(findings, "it contains NUL characters (binary or UTF-16 data)");
        }

        if (media?.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var text = Encoding.UTF8.GetString(bytes);
            var form = UrlEncodedMasker.Mask(text, engine, "body", findings);
            return new RequestMaskResult(ReferenceEquals(form, text) ? null : Encoding.UTF8.GetBytes(form), findings, null);
        }

        using (var json = RequestJson.TryParse(body, out var jsonError))
        {
            if (json is not null)
            {
                return MaskJson(json);
            }

            if (jsonError != NotJson)
            {
                // JSON the strict parser refuses (duplicate names, unpaired surrogates) is still JSON to the upstream.
                return Refused(findings, $"it is JSON that {jsonError}");
            }
        }

        return MaskText(Encoding.UTF8.GetString(bytes), findings);
    }

    /// <summary>
    /// Masks every string of a parsed JSON body, property names included, in one walk over it; the result's body is
    /// null when nothing changed, so the parsed bytes are forwarded as they are.
    /// </summary>
    public RequestMaskResult MaskJson(RequestJson json)
    {
        var findings = new List<AuditFinding>();
        var masked = JsonStringSplicer.Rewrite(json, text =>
        {
            var result = engine.Mask(text);
            foreach (var finding in result.Findings)
            {
                findings.Add(FindingNames.ToAudit(finding, "request", "prompt"));
            }

            return result.MaskedText;
        });
        return new RequestMaskResult(masked, findings, null);
    }

    private RequestMaskResult MaskText(string text, List<AuditFinding> findings)
    {
        var result = engine.Mask(text);
        if (HiddenInEscapes(text, result.Findings.Count))
        {
            return Refused(findings, "it holds a secret written with \\u escapes outside a valid JSON document");
        }

        findings.AddRange(result.Findings.Select(f => FindingNames.ToAudit(f, "request", "body")));
        return new RequestMaskResult(result.IsChanged ? Encoding.UTF8.GetBytes(result.MaskedText!) : null, findings, null);
    }

    // Text that is not strict JSON may still be read as JSON (JSON Lines, or a lenient parser): a finding that only
    // appears once \uXXXX escapes are decoded means the text hides something the upstream may decode.
    private bool HiddenInEscapes(string text, int foundInText)
    {
        if (!text.Contains("\\u", StringComparison.Ordinal))
        {
            return false;
        }

        var decoded = Escapes().Replace(text, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        return engine.Mask(decoded).Findings.Count > foundInText;
    }

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})", RegexOptions.CultureInvariant)]
    private static partial Regex Escapes();

    private static RequestMaskResult Refused(List<AuditFinding> findings, string reason) => new(null, findings, reason);
}
