using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Export.Tests.Transports.Splunk;

/// <summary>
/// An HTTP Event Collector look-alike: token check, concatenated event objects, request channels, ack ids that turn
/// true at their <see cref="AckAfterPolls"/>-th poll (never when it is null), and a configurable number of 503 answers.
/// </summary>
internal sealed class HecReceiver
{
    private readonly ConcurrentDictionary<long, long> _issued = new();
    private long _nextAckId;
    private int _ackPolls;

    public required string Token { get; init; }

    public int? AckAfterPolls { get; init; } = 1;

    public bool IssueAckIds { get; init; } = true;

    public int BusyAnswers { get; set; }

    public ConcurrentQueue<JsonElement> Events { get; } = new();

    public ConcurrentQueue<string?> Channels { get; } = new();

    public int AckPolls => Volatile.Read(ref _ackPolls);

    public void Map(WebApplication app)
    {
        app.MapPost("/services/collector/event", async (HttpContext context) =>
        {
            if (Refuse(context) is { } refusal)
            {
                return refusal;
            }

            var channel = context.Request.Headers["X-Splunk-Request-Channel"].SingleOrDefault();
            Channels.Enqueue(channel);
            var body = await ReadBodyAsync(context);
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowMultipleValues = true });
            while (reader.Read())
            {
                Events.Enqueue(JsonElement.ParseValue(ref reader));
            }

            if (!IssueAckIds)
            {
                return Results.Json(new { text = "Success", code = 0 });
            }

            if (channel is null || !Guid.TryParse(channel, out _))
            {
                return Results.Json(new { text = "Data channel is missing", code = 10 }, statusCode: 400);
            }

            var ackId = Interlocked.Increment(ref _nextAckId);
            _issued[ackId] = 0;
            return Results.Json(new { text = "Success", code = 0, ackId });
        });

        app.MapPost("/services/collector/ack", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _ackPolls);
            if (Refuse(context) is { } refusal)
            {
                return refusal;
            }

            using var query = JsonDocument.Parse(await ReadBodyAsync(context));
            var acks = new Dictionary<string, bool>();
            foreach (var id in query.RootElement.GetProperty("acks").EnumerateArray())
            {
                var polls = _issued.AddOrUpdate(id.GetInt64(), 1, (_, n) => n + 1);
                acks[id.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)] = AckAfterPolls is { } after && polls >= after;
            }

            return Results.Json(new { acks });
        });
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    private IResult? Refuse(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.SingleOrDefault();
        if (authorization is null)
        {
            return Results.Json(new { text = "Token is required", code = 2 }, statusCode: 401);
        }

        if (authorization != $"Splunk {Token}")
        {
            return Results.Json(new { text = "Invalid token", code = 4 }, statusCode: 403);
        }

        if (BusyAnswers > 0)
        {
            BusyAnswers--;
            return Results.Json(new { text = "Server is busy", code = 9 }, statusCode: 503);
        }

        return null;
    }
}
