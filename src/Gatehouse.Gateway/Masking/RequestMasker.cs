using System.Text;
using System.Text.RegularExpressions;
using Gatehouse.Audit.Records;
using Gatehouse.Masking;
using Gatehouse.Protocols.Rewriting;
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
    private const string NotJson = "JSON document is not valid JSON";
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Masks <paramref name="body"/>; <paramref name="understood"/> says an adapter already parsed it as JSON.</summary>
    public RequestMaskResult Mask(ReadOnlySpan<byte> body, string? contentType, bool understood)
    {
        var findings = new List<AuditFinding>();
        if (body.IsEmpty)
        {
            return new RequestMaskResult(null, findings, null);
        }

        if (understood)
        {
            // The adapter parsed these bytes as the API's JSON whatever the header said; they are masked as that JSON.
            return MaskJson(body, findings, out var error) ?? Refused(findings, error!.Replace("JSON document", "it", StringComparison.Ordinal));
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

        string text;
        try
        {
            text = Strict.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Refused(findings, "it is not UTF-8 text");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Refused(findings, "it contains NUL characters (binary or UTF-16 data)");
        }

        if (media?.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = UrlEncodedMasker.Mask(text, engine, "body", findings);
            return new RequestMaskResult(ReferenceEquals(form, text) ? null : Encoding.UTF8.GetBytes(form), findings, null);
        }

        if (MaskJson(body, findings, out var jsonError) is { } json)
        {
            return json;
        }

        if (jsonError != NotJson)
        {
            // JSON the strict parser refuses (duplicate names, unpaired surrogates) is still JSON to the upstream.
            return Refused(findings, jsonError!.Replace("JSON document", "it is JSON that", StringComparison.Ordinal));
        }

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

    // Null when the body is not a JSON document.
    private RequestMaskResult? MaskJson(ReadOnlySpan<byte> body, List<AuditFinding> findings, out string? error)
    {
        var found = new List<AuditFinding>();
        var rewritten = JsonStringRewriter.Rewrite(body, text =>
        {
            var result = engine.Mask(text);
            found.AddRange(result.Findings.Select(f => FindingNames.ToAudit(f, "request", "prompt")));
            return result.MaskedText;
        });
        error = rewritten.Error;
        if (error is not null)
        {
            return null;
        }

        findings.AddRange(found);
        return new RequestMaskResult(rewritten.Json, findings, null);
    }

    private static RequestMaskResult Refused(List<AuditFinding> findings, string reason) => new(null, findings, reason);
}
