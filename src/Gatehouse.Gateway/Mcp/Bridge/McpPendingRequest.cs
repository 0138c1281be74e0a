using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Gatehouse.Gateway.Mcp.Bridge;

/// <summary>
/// A request sent to the server under a gateway id, waiting for its response; the notifications that belong to it
/// (progress under its token) and finally the response are written to <see cref="Messages"/> with the client's ids.
/// </summary>
internal sealed class McpPendingRequest(IMcpChannel channel, JsonNode? clientId, JsonNode? clientProgressToken)
{
    // Progress notifications beyond this many unread are dropped: a client that does not read must not grow the gateway.
    private const int MaxQueued = 64;

    // Unbounded only for the final response: notifications are bounded by MaxQueued in Notify. Not SingleReader:
    // that variant cannot count its items, and Notify needs the count.
    private readonly Channel<JsonObject> _messages = System.Threading.Channels.Channel.CreateUnbounded<JsonObject>();

    public IMcpChannel Channel { get; } = channel;

    public JsonNode? ClientId { get; } = clientId;

    public JsonNode? ClientProgressToken { get; } = clientProgressToken;

    /// <summary>Gets or sets the registration that cancels the request when the client goes away.</summary>
    public CancellationTokenRegistration Registration { get; set; }

    /// <summary>Gets the messages for the client, ending with the response; faulted when the server went away first.</summary>
    public ChannelReader<JsonObject> Messages => _messages.Reader;

    public void Notify(JsonObject notification)
    {
        if (_messages.Reader.Count < MaxQueued)
        {
            _messages.Writer.TryWrite(notification);
        }
    }

    public void Complete(JsonObject response)
    {
        _messages.Writer.TryWrite(response);
        _messages.Writer.TryComplete();
    }

    public void Fail(Exception error) => _messages.Writer.TryComplete(error);
}
