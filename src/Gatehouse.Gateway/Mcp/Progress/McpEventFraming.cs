using System.Buffers;
using System.Text.Json;
using Gatehouse.Audit.Records;
using Gatehouse.Protocols.Mcp;
using Microsoft.AspNetCore.Http.Features;

namespace Gatehouse.Gateway.Mcp.Progress;

/// <summary>
/// The body of an adopted event stream (<see cref="McpProgressStream"/>): an upstream's event stream passes through as
/// it is written; any other answer (an upstream's JSON body, the gateway's JSON-RPC error or problem) is kept until the
/// response completes and then sent as the stream's last event, a JSON-RPC message for the request's id.
/// </summary>
/// <remarks>
/// What is written here is already masked and captured by the response pipeline upstream of it. An answer that is not a
/// JSON-RPC message (a problem, an upstream's error page) becomes a JSON-RPC error, as the client can read nothing else
/// on the stream. A kept answer is bounded (<see cref="MaxKeptBytes"/>); a larger one is refused.
/// </remarks>
internal sealed class McpEventFraming(IHttpResponseFeature response, Stream client, string? requestId) : Stream
{
    /// <summary>The most a non-streamed answer may be (16 MiB, as a stdio server's line).</summary>
    public const int MaxKeptBytes = 16 * 1024 * 1024;

    private readonly ArrayBufferWriter<byte> _kept = new(4096);
    private bool? _passing;
    private bool _finished;

    /// <summary>Gets a value indicating whether any byte of the answer has reached the client.</summary>
    public bool Passed { get; private set; }

    public override bool CanRead => false;

    // Seekable only so that HttpResponse.Clear() discards a kept answer (it truncates a seekable body) before another is written.
    public override bool CanSeek => _passing != true;

    public override bool CanWrite => true;

    public override long Length => _kept.WrittenCount;

    public override long Position
    {
        get => _kept.WrittenCount;
        set => throw new NotSupportedException();
    }

    public override void SetLength(long value)
    {
        if (value != 0 || _passing == true)
        {
            throw new NotSupportedException();
        }

        _kept.ResetWrittenCount();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _passing ??= response.StatusCode is >= 200 and < 300 && IsEventStream(response.Headers.ContentType.ToString());
        if (_passing == true)
        {
            Passed = true;
            await client.WriteAsync(buffer, cancellationToken);
            return;
        }

        if (_kept.WrittenCount + buffer.Length > MaxKeptBytes)
        {
            throw new IOException($"The answer is larger than {MaxKeptBytes} bytes and cannot be sent on the event stream.");
        }

        _kept.Write(buffer.Span);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The gateway writes responses asynchronously.");

    public override Task FlushAsync(CancellationToken cancellationToken) => _passing == true ? client.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <summary>Sends the kept answer as the stream's last event (unless the answer streamed through).</summary>
    public async Task FinishAsync(int status, string contentType, CancellationToken cancellationToken)
    {
        if (_finished || _passing == true)
        {
            return;
        }

        _finished = true;
        Passed = true;
        var kept = _kept.WrittenMemory;
        if (IsJsonRpc(kept))
        {
            await McpProgressStream.WriteEventAsync(client, kept, cancellationToken);
        }
        else
        {
            await McpProgressStream.WriteEventAsync(client, ErrorFor(kept, status, contentType), cancellationToken);
        }

        await client.FlushAsync(cancellationToken);
    }

    private static bool IsEventStream(string contentType) => contentType.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase);

    private static bool IsJsonRpc(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("jsonrpc", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // A problem the gateway wrote keeps its code and message; anything else is the server's failure, said as such.
    private byte[] ErrorFor(ReadOnlyMemory<byte> body, int status, string contentType)
    {
        string? code = null;
        string? detail = null;
        if (contentType.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var problem = JsonDocument.Parse(body);
                code = problem.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                detail = problem.RootElement.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            }
            catch (JsonException)
            {
                // Not a problem after all: answered as the server's failure below.
            }
        }

        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            McpErrorCodes.WriteError(
                writer,
                requestId,
                code is null ? InternalError : McpErrorCodes.Refused,
                detail ?? $"The MCP server answered HTTP {status} instead of a JSON-RPC message.",
                data =>
                {
                    data.WriteString("code", code ?? ExchangeFailureCode.UpstreamError.ToName());
                    data.WriteNumber("status", status);
                });
        }

        return json.ToArray();
    }

    // JSON-RPC 2.0's "Internal error": the server failed, not the request.
    private const int InternalError = -32603;
}
