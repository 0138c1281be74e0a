using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Masking;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// When the upstream's headers arrive, sets up the masking of the response that follows: a rewriter from the
/// exchange's protocol adapter, fed by a <see cref="MaskingTextRewriter"/>. A body the adapter could not read (a
/// compressed one) is marked unreadable so that the tap can fail closed. An error status's body is masked whole.
/// </summary>
internal sealed class ResponseMasking(MaskingEngine engine)
{
    public void Prepare(Exchange exchange, HttpResponseMessage upstream, HttpResponse client)
    {
        if (exchange.Adapter is null || exchange.ResponseMasking == MaskingMode.Off)
        {
            return;
        }

        var encoding = upstream.Content.Headers.ContentEncoding;
        if (encoding.Count > 0 && !encoding.All(e => e.Equals("identity", StringComparison.OrdinalIgnoreCase)))
        {
            exchange.ResponseUnreadable = $"the upstream sent a {string.Join(",", encoding)}-encoded response, which cannot be masked";
            return;
        }

        var masker = new MaskingTextRewriter(engine);
        exchange.ResponseMasker = masker;
        exchange.ResponseRewriter = (int)upstream.StatusCode >= 400
            ? new ErrorBodyRewriter(masker)
            : exchange.Adapter.CreateResponseRewriter(exchange.UpstreamContentType, masker);

        // Masking changes the body's length.
        client.ContentLength = null;
    }
}
