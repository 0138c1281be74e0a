using System.Net;
using System.Text;

namespace Gatehouse.Protocols.Tests.Holding;

/// <summary>Answers every request with one fixed body, so that an SDK client can be pointed at bytes the gateway wrote.</summary>
internal sealed class CannedHandler(string body, string contentType) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        });
}
