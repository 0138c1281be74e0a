using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Mcp.Bridge;

/// <summary>
/// The upstream client of an <c>mcp</c> connection whose server is a stdio process or an HTTP+SSE session: it turns
/// the gateway's decided and masked Streamable HTTP POST into one message on the server's channel and answers as a
/// Streamable HTTP server would, so that identity, policy, masking and audit run unchanged in front of it.
/// </summary>
/// <remarks>
/// A request is answered with an event stream (its progress notifications, then its response) when the client accepts
/// one, else with the response as JSON; a notification or a client's response is answered 202. GET and DELETE are
/// 405: there is no server stream to open and no session to end (the spec lets a server answer both so).
/// </remarks>
internal sealed class McpBridgeHandler(McpBridges bridges, ConnectionConfig connection, Func<IMcpChannelFactory> factory) : HttpMessageHandler
{
    /// <summary>The request option carrying the caller's principal key, set by the forwarder for per-caller servers.</summary>
    public static readonly HttpRequestOptionsKey<string> CallerKey = new("gatehouse.mcp.caller");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post)
        {
            var refused = new HttpResponseMessage(HttpStatusCode.MethodNotAllowed) { Content = new ByteArrayContent([]) };
            refused.Content.Headers.Allow.Add("POST");
            return refused;
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        if (Parse(body) is not { } message)
        {
            // The gateway's MCP adapter has read this body as one JSON-RPC message already; this is a broken invariant.
            return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new ByteArrayContent([]) };
        }

        request.Options.TryGetValue(CallerKey, out var caller);
        var session = bridges.Get(connection, caller, factory);
        var method = message["method"] is JsonValue v && v.TryGetValue<string>(out var m) ? m : null;
        var id = message["id"];
        if (method is null || id is null)
        {
            // The gateway speaks for itself to the server: its own initialized notification, its own cancellations
            // (sent when a client goes away), and no relayed server requests that a client could answer.
            if (method is not null and not "notifications/initialized" and not "notifications/cancelled")
            {
                await session.NotifyAsync(message, cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new ByteArrayContent([]) };
        }

        var pending = method == "initialize"
            ? await session.InitializeAsync(message, cancellationToken)
            : await session.RequestAsync(message, cancellationToken);
        var streams = request.Headers.Accept.Any(a => a.MediaType == "text/event-stream");
        if (streams)
        {
            // Wait for the first message, so that a server that dies first is a clean 503 rather than a cut stream.
            await pending.Messages.WaitToReadAsync(cancellationToken);
            var events = new McpEventStreamContent(pending);
            events.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = events };
        }

        JsonObject? response = null;
        await foreach (var item in pending.Messages.ReadAllAsync(cancellationToken))
        {
            response = item;
        }

        var json = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(response));
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = json };
    }

    private static JsonObject? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
