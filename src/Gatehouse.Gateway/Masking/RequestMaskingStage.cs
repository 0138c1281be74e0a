using Gatehouse.Gateway.Exchanges;
using Gatehouse.Masking;
using Gatehouse.Policy;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// The data path's request-masking stage: masks the exchange's query and body in place (re-parsing the body, so policy
/// and the audit see exactly the masked bytes) and says when the exchange must be refused instead.
/// </summary>
internal sealed class RequestMaskingStage(RequestMasker masker, MaskingEngine engine)
{
    /// <summary>
    /// Returns the query to forward and record: <paramref name="query"/> (with its <c>?</c>) with each name and value
    /// masked, unless the connection does not mask requests. Runs before any refusal can record the exchange.
    /// </summary>
    public string? MaskQuery(Exchange exchange, MaskingMode mode, string? query)
    {
        if (mode == MaskingMode.Off || string.IsNullOrEmpty(query) || query.Length < 2)
        {
            return query;
        }

        return "?" + UrlEncodedMasker.Mask(query[1..], engine, "query", exchange.RequestFindings);
    }

    public Refusal? Apply(Exchange exchange, MaskingMode mode, string? contentType)
    {
        if (mode == MaskingMode.Off)
        {
            return null;
        }

        var masked = masker.Mask(exchange.RequestBody.Span, contentType, exchange.Adapter is not null);
        if (masked.Error is not null)
        {
            exchange.RequestBodyWithheld = true;
            return new Refusal(StatusCodes.Status415UnsupportedMediaType, "uninspectable_request_body", "Request body cannot be inspected",
                $"This connection inspects request bodies, and this one cannot be inspected: {masked.Error}. Send UTF-8 JSON, text or a URL-encoded form.");
        }

        exchange.RequestFindings.AddRange(masked.Findings);
        exchange.Coverage |= Coverage.MaskRequest;
        if (masked.Body is not null)
        {
            // Even a refused request is recorded masked: the audit must never hold the secret that caused the refusal.
            exchange.RequestBody = masked.Body;
            if (exchange.Adapter is not null)
            {
                exchange.Request = exchange.Adapter.ParseRequest(masked.Body).Request;
            }
        }

        if (exchange.Request is { TextPieces.Count: > 1 } request && SplitSecretScan.Find(engine, request.TextPieces) is { Count: > 0 } split)
        {
            // The halves are not secrets alone, so they are still in the masked body: it is refused, and recorded by size.
            exchange.RequestFindings.AddRange(split.Select(f => FindingNames.ToAudit(f, "request", "prompt")));
            exchange.RequestBodyWithheld = true;
            var splitRules = string.Join(", ", split.Select(f => f.RuleId).Distinct());
            return new Refusal(StatusCodes.Status422UnprocessableEntity, "split_secret", "Request contains a split secret",
                $"The request contains what looks like a secret ({splitRules}) split across two messages or content parts; the gateway cannot mask it in place. Remove it and try again.");
        }

        if (exchange.RequestFindings.Count > 0 && mode == MaskingMode.Block)
        {
            var rules = string.Join(", ", exchange.RequestFindings.Select(f => f.Rule).Distinct());
            return new Refusal(StatusCodes.Status422UnprocessableEntity, "request_blocked", "Request contains secrets",
                $"The request contains what looks like secrets or personal data ({rules}); this connection refuses such requests. Remove them and try again.");
        }

        return null;
    }
}
