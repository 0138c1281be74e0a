using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Gatehouse.Protocols.Mcp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Sampling;

/// <summary>
/// Answers the sampling requests a server sent on a connection that denies sampling, as the client would have: a POST
/// of a JSON-RPC error to the server's endpoint with the client's session, then an <c>mcp.sampling.refused</c> audit entry.
/// </summary>
/// <remarks>
/// <para>Streamable HTTP has the client answer a server's request with a POST of the JSON-RPC response to the MCP
/// endpoint, with <c>Mcp-Session-Id</c> (and, since 2025-06-18, <c>MCP-Protocol-Version</c>), which the server accepts
/// with 202 (2025-03-26, 2025-06-18, 2025-11-25 transports, "Sending Messages to the Server", item 4). The error is
/// <c>-32601</c> (method not found): what a client that did not declare a capability answers ("Roots", "Error Handling":
/// "Client does not support roots: -32601"), and what the gateway answers a stdio server's requests with.</para>
/// <para>The requests are withheld inside a response's rewriting, which cannot wait; they are answered here, one at a
/// time from a bounded queue, so that a flood of them costs the gateway memory it chose. Each POST is given 10 s.</para>
/// </remarks>
internal sealed class McpSamplingRefusals(IAuditTrail audit, TimeProvider time, ILogger<McpSamplingRefusals> logger) : BackgroundService
{
    /// <summary>The JSON-RPC error code of the answer: method not found.</summary>
    public const int ErrorCode = -32601;

    /// <summary>The message of the answer, which the server may pass on to its own caller.</summary>
    public const string Message = "Sampling is not available: the gateway in front of this client does not allow server-initiated sampling on this connection.";

    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<McpSamplingRefusal> _queue = Channel.CreateBounded<McpSamplingRefusal>(
        new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Logs the withheld request and queues its answer; a full queue is logged and the request goes unanswered.</summary>
    public void Refuse(McpSamplingRefusal refusal)
    {
        Log.SamplingRefused(logger, refusal.Connection.Name, refusal.Exchange);
        if (!_queue.Writer.TryWrite(refusal))
        {
            Log.QueueFull(logger, refusal.Connection.Name, refusal.Exchange);
        }
    }

    /// <summary>Writes the JSON-RPC error answering request <paramref name="id"/> (its JSON text).</summary>
    public static byte[] Answer(string id)
    {
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            McpErrorCodes.WriteError(writer, id, ErrorCode, Message, null);
        }

        return buffer.ToArray();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // What was withheld before the stop is still answered and audited, within the host's shutdown time.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var refusal in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            var answered = await AnswerAsync(refusal, stoppingToken);
            await AuditAsync(refusal, answered);
        }
    }

    private async Task<bool> AnswerAsync(McpSamplingRefusal refusal, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(AnswerTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stoppingToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, refusal.Endpoint) { Content = new ByteArrayContent(Answer(refusal.RequestId)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        Add(request, "Mcp-Session-Id", refusal.SessionId);
        Add(request, "MCP-Protocol-Version", refusal.ProtocolVersion);
        if (refusal.Connection.Config.Credential is { } credential)
        {
            request.Headers.TryAddWithoutValidation(credential.Header, credential.Prefix + credential.Value);
        }

        try
        {
            using var response = await refusal.Connection.Client.SendAsync(request, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                Log.AnswerFailed(logger, refusal.Connection.Name, refusal.Exchange, $"the server answered {(int)response.StatusCode}");
            }

            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // The server is gone or slow; it will time its request out. The exception's message names no credential.
            Log.AnswerFailed(logger, refusal.Connection.Name, refusal.Exchange, e is OperationCanceledException ? "no answer within 10 s" : e.GetType().Name);
            return false;
        }
    }

    private async Task AuditAsync(McpSamplingRefusal refusal, bool answered)
    {
        var record = new McpSamplingRecord(refusal.Connection.Name, refusal.Exchange, McpSamplingCapability.CreateMessage, ErrorCode, answered, refusal.At);
        var payload = JsonSerializer.SerializeToUtf8Bytes(record, McpSamplingJsonContext.Default.McpSamplingRecord);
        var index = new AuditIndex { Connection = record.Connection, Model = record.Method, Subject = refusal.Subject };
        var id = Guid.CreateVersion7(record.At).ToString("D");
        var result = await audit.AppendAsync(new AuditEntryDraft(McpSamplingRecord.Event, id, record.At, index, payload, null, null), CancellationToken.None);
        if (result.Error is { } error)
        {
            Log.AuditFailed(logger, refusal.Exchange, error);
        }
    }

    private static void Add(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
