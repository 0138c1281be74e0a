using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Masking;
using Gatehouse.Policy;
using Gatehouse.Protocols.Json;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// The data path's request-masking stage: masks the exchange's query and body (an understood body in one walk over the
/// document the adapter read) and says when the exchange must be refused instead. Policy and the audit see the request
/// read from exactly the bytes that are forwarded.
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

    /// <summary>Masks the body; <paramref name="understood"/> is the body the adapter read, parsed, or null on opaque paths.</summary>
    public Refusal? Apply(Exchange exchange, MaskingMode mode, string? contentType, RequestJson? understood)
    {
        if (mode == MaskingMode.Off)
        {
            return null;
        }

        var masked = understood is not null ? masker.MaskJson(understood) : masker.Mask(exchange.RequestBody, contentType, exchange.Adapter is not null);
        if (masked.Error is not null)
        {
            exchange.RequestBodyWithheld = true;
            return new Refusal(StatusCodes.Status415UnsupportedMediaType, ExchangeFailureCode.UninspectableRequestBody, "Request body cannot be inspected",
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
                // Only when something was masked: policy and the audit read the request from the bytes forwarded.
                using var forwarded = RequestJson.TryParse(masked.Body, out _);
                exchange.Request = forwarded is null ? null : exchange.Adapter.ReadRequest(forwarded).Request;
            }
        }

        if (exchange.Request is { TextPieces.Count: > 1 } request && SplitSecretScan.Find(engine, request.TextPieces) is { Count: > 0 } split)
        {
            // The halves are not secrets alone, so they are still in the masked body: it is refused, and recorded by size.
            exchange.RequestFindings.AddRange(split.Select(f => FindingNames.ToAudit(f, "request", "prompt")));
            exchange.RequestBodyWithheld = true;
            var splitRules = string.Join(", ", split.Select(f => f.RuleId).Distinct());
            return new Refusal(StatusCodes.Status422UnprocessableEntity, ExchangeFailureCode.SplitSecret, "Request contains a split secret",
                $"The request contains what looks like a secret ({splitRules}) split across two messages or content parts; the gateway cannot mask it in place. Remove it and try again.");
        }

        if (exchange.RequestFindings.Count > 0 && mode == MaskingMode.Block)
        {
            var rules = string.Join(", ", exchange.RequestFindings.Select(f => f.Rule).Distinct());
            return new Refusal(StatusCodes.Status422UnprocessableEntity, ExchangeFailureCode.RequestBlocked, "Request contains secrets",
                $"The request contains what looks like secrets or personal data ({rules}); this connection refuses such requests. Remove them and try again.");
        }

        return null;
    }
}
