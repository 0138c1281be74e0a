using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Exchanges;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// The data path's request-masking stage: masks the exchange's body in place (re-parsing it, so policy and the audit
/// see exactly the masked bytes) and says when the exchange must be refused instead.
/// </summary>
internal sealed class RequestMaskingStage(RequestMasker masker)
{
    public Refusal? Apply(Exchange exchange, MaskingMode mode, string? contentType)
    {
        if (mode == MaskingMode.Off)
        {
            return null;
        }

        var masked = masker.Mask(exchange.RequestBody.Span, contentType);
        if (masked.Error is not null)
        {
            return new Refusal(StatusCodes.Status400BadRequest, "invalid_request_body", "Invalid request body",
                $"The request body could not be read for masking: {masked.Error}");
        }

        exchange.RequestFindings.AddRange(masked.Findings);
        if (masked.Inspected)
        {
            exchange.Coverage |= Coverage.MaskRequest;
        }

        if (masked.Body is not null)
        {
            // Even a refused request is recorded masked: the audit must never hold the secret that caused the refusal.
            exchange.RequestBody = masked.Body;
            if (exchange.Adapter is not null)
            {
                exchange.Request = exchange.Adapter.ParseRequest(masked.Body).Request;
            }
        }

        if (masked.Findings.Count > 0 && mode == MaskingMode.Block)
        {
            var rules = string.Join(", ", masked.Findings.Select(f => f.Rule).Distinct());
            return new Refusal(StatusCodes.Status422UnprocessableEntity, "request_blocked", "Request contains secrets",
                $"The request contains what looks like secrets or personal data ({rules}); this connection refuses such requests. Remove them and try again.");
        }

        return null;
    }
}
