using Gatehouse.Gateway.Exchanges;
using Gatehouse.Masking;
using Gatehouse.Policy;
using Gatehouse.Protocols;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// When the upstream's headers arrive, sets up the masking of the response that follows: a rewriter from the
/// exchange's protocol adapter, fed by a <see cref="MaskingTextRewriter"/>. A body the adapter could not read (a
/// compressed one) is marked unreadable so that the tap can fail closed. An error status's body is masked whole.
/// </summary>
/// <remarks>
/// Endpoints of a model connection that no adapter understands (stored responses fetched by id, batch results, files,
/// legacy completions) carry model text too: their responses are masked generically, every name and string of JSON
/// and JSON Lines, each event of a stream, or the whole of a text body; a body that is none of these is not released.
/// </remarks>
internal sealed class ResponseMasking(MaskingEngine engine, ProtocolRegistry protocols)
{
    /// <summary>Returns whether the exchange's response will be masked: an understood API, or any endpoint of a model connection.</summary>
    public static bool Masks(Exchange exchange)
        => exchange.ResponseMasking != MaskingMode.Off
            && (exchange.Adapter is not null || (exchange.Connection is { } connection && ProtocolRegistry.IsModelConnection(connection.Config.Kind)));

    public void Prepare(Exchange exchange, HttpResponseMessage upstream, HttpResponse client)
    {
        if (!Masks(exchange))
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
            : exchange.Adapter?.CreateResponseRewriter(exchange.UpstreamContentType, masker)
                ?? protocols.CreateGenericResponseRewriter(exchange.UpstreamContentType, masker);

        // Masking changes the body's length.
        client.ContentLength = null;
    }
}
