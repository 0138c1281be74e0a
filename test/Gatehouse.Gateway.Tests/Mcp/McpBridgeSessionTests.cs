using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Mcp.Bridge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Gateway.Tests.Mcp;

public sealed class McpBridgeSessionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_TwoCallersWithTheSameId_EachGetTheirOwnResponseUnderTheirOwnId()
    {
        var factory = new FakeFactory();
        var session = new McpBridgeSession("local", factory, TimeProvider.System, NullLogger.Instance);

        var first = await session.RequestAsync(Request(1, "tools/list", meta: true), Cancel);
        var second = await session.RequestAsync(Request(1, "tools/list", meta: true), Cancel);

        var channel = Assert.Single(factory.Opened);
        var ids = channel.Sent.Select(m => (long)m["id"]!).ToList();
        Assert.Equal(2, ids.Distinct().Count());
        channel.Receive(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = ids[1], ["result"] = new JsonObject { ["who"] = "second" } });
        channel.Receive(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = ids[0], ["result"] = new JsonObject { ["who"] = "first" } });
        var a = await LastAsync(first);
        var b = await LastAsync(second);
        Assert.Equal(("first", 1L), ((string)a["result"]!["who"]!, (long)a["id"]!));
        Assert.Equal(("second", 1L), ((string)b["result"]!["who"]!, (long)b["id"]!));
    }

    [Fact]
    public async Task Progress_GoesToItsRequestUnderTheClientsToken_AndOtherNotificationsAreDropped()
    {
        var factory = new FakeFactory();
        var session = new McpBridgeSession("local", factory, TimeProvider.System, NullLogger.Instance);
        var call = Request(7, "tools/call", meta: true);
        ((JsonObject)call["params"]!["_meta"]!)["progressToken"] = "client-token";

        var pending = await session.RequestAsync(call, Cancel);

        var channel = Assert.Single(factory.Opened);
        var sent = Assert.Single(channel.Sent);
        var token = (string)sent["params"]!["_meta"]!["progressToken"]!;
        Assert.NotEqual("client-token", token);
        channel.Receive(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/message", ["params"] = new JsonObject { ["data"] = "log" } });
        channel.Receive(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/progress", ["params"] = new JsonObject { ["progressToken"] = token, ["progress"] = 1 } });
        channel.Receive(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = sent["id"]!.DeepClone(), ["result"] = new JsonObject() });
        var messages = await AllAsync(pending);
        Assert.Equal(2, messages.Count);
        Assert.Equal(("notifications/progress", "client-token"), ((string)messages[0]["method"]!, (string)messages[0]["params"]!["progressToken"]!));
        Assert.Equal(7L, (long)messages[1]["id"]!);
    }

    [Fact]
    public async Task ServerRequest_IsAnsweredMethodNotFound_AndReachesNoClient()
    {
        var factory = new FakeFactory();
        var session = new McpBridgeSession("local", factory, TimeProvider.System, NullLogger.Instance);
        await session.RequestAsync(Request(1, "tools/list", meta: true), Cancel);
        var channel = Assert.Single(factory.Opened);

        channel.Receive(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = "s1", ["method"] = "sampling/createMessage", ["params"] = new JsonObject() });

        var answer = await channel.NextSentAsync(m => m["id"] is JsonValue id && id.TryGetValue<string>(out var text) && text == "s1");
        Assert.Equal(-32601, (int)answer["error"]!["code"]!);
    }

    [Fact]
    public async Task Initialize_OnceForTheServer_LaterClientsAnsweredFromItsAnswer()
    {
        var factory = new FakeFactory { AnswerInitialize = true };
        var session = new McpBridgeSession("local", factory, TimeProvider.System, NullLogger.Instance);

        var first = await LastAsync(await session.InitializeAsync(Initialize(1, "2025-06-18"), Cancel));
        var second = await LastAsync(await session.InitializeAsync(Initialize(9, "2025-06-18"), Cancel));

        var channel = Assert.Single(factory.Opened);
        Assert.Single(channel.Sent, m => (string?)m["method"] == "initialize");
        Assert.Single(channel.Sent, m => (string?)m["method"] == "notifications/initialized");
        Assert.True(JsonNode.DeepEquals(new JsonObject(), channel.Sent.Single(m => (string?)m["method"] == "initialize")["params"]!["capabilities"]));
        Assert.Equal((1L, 9L), ((long)first["id"]!, (long)second["id"]!));
        Assert.Equal("fake", (string)second["result"]!["serverInfo"]!["name"]!);
    }

    [Fact]
    public async Task SessionRequest_ToAServerNoClientInitialized_IsPrecededByTheGatewaysInitialize()
    {
        var factory = new FakeFactory { AnswerInitialize = true };
        var session = new McpBridgeSession("local", factory, TimeProvider.System, NullLogger.Instance);

        await session.RequestAsync(Request(3, "tools/list", meta: false), Cancel);

        var methods = Assert.Single(factory.Opened).Sent.Select(m => (string?)m["method"]).ToList();
        Assert.Equal(["initialize", "notifications/initialized", "tools/list"], methods);
    }

    [Fact]
    public async Task ServerThatEnds_FailsItsOpenRequest_AndKeepsExitingStartsAgainAfterABackoff()
    {
        var time = new FakeTimeProvider();
        var factory = new FakeFactory();
        var session = new McpBridgeSession("local", factory, time, NullLogger.Instance);
        var pending = await session.RequestAsync(Request(1, "tools/list", meta: true), Cancel);

        // The first server ran long enough to count as stable: it is started again at once.
        time.Advance(TimeSpan.FromSeconds(10));
        factory.Opened[0].End();

        await Assert.ThrowsAsync<McpServerUnavailableException>(() => AllAsync(pending));
        await session.RequestAsync(Request(2, "tools/list", meta: true), Cancel);
        Assert.Equal(2, factory.Opened.Count);
        // The second exits at once: the next start waits for the first backoff step.
        factory.Opened[1].End();
        var third = session.RequestAsync(Request(3, "tools/list", meta: true), Cancel);
        Assert.False(third.IsCompleted);
        Assert.Equal(2, factory.Opened.Count);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await third;
        Assert.Equal(3, factory.Opened.Count);
    }

    private static JsonObject Request(long id, string method, bool meta) => new()
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id,
        ["method"] = method,
        ["params"] = meta ? new JsonObject { ["_meta"] = new JsonObject { ["io.modelcontextprotocol/protocolVersion"] = "2026-07-28" } } : new JsonObject(),
    };

    private static JsonObject Initialize(long id, string version) => new()
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id,
        ["method"] = "initialize",
        ["params"] = new JsonObject { ["protocolVersion"] = version, ["capabilities"] = new JsonObject { ["sampling"] = new JsonObject() }, ["clientInfo"] = new JsonObject { ["name"] = "c", ["version"] = "1" } },
    };

    private static async Task<JsonObject> LastAsync(McpPendingRequest pending) => (await AllAsync(pending))[^1];

    private static async Task<List<JsonObject>> AllAsync(McpPendingRequest pending)
    {
        var all = new List<JsonObject>();
        await foreach (var message in pending.Messages.ReadAllAsync(Cancel))
        {
            all.Add(message);
        }

        return all;
    }

    private sealed class FakeFactory : IMcpChannelFactory
    {
        public List<FakeChannel> Opened { get; } = [];

        public bool AnswerInitialize { get; init; }

        public string DefaultProtocolVersion => "2025-11-25";

        public bool AlwaysInitialize => false;

        public Task<IMcpChannel> OpenAsync(Action<JsonObject> onMessage, CancellationToken cancellationToken)
        {
            var channel = new FakeChannel(onMessage, AnswerInitialize);
            Opened.Add(channel);
            return Task.FromResult<IMcpChannel>(channel);
        }
    }

    private sealed class FakeChannel(Action<JsonObject> onMessage, bool answerInitialize) : IMcpChannel
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<JsonObject> _sent = new();

        public Task Completion => _ended.Task;

        public IReadOnlyList<JsonObject> Sent => [.. _sent];

        public ValueTask SendAsync(JsonObject message, CancellationToken cancellationToken)
        {
            _sent.Enqueue((JsonObject)message.DeepClone());
            if (answerInitialize && (string?)message["method"] == "initialize")
            {
                Receive(new JsonObject
                {
                    ["jsonrpc"] = "2.0",
                    ["id"] = message["id"]!.DeepClone(),
                    ["result"] = new JsonObject { ["protocolVersion"] = message["params"]!["protocolVersion"]!.DeepClone(), ["capabilities"] = new JsonObject(), ["serverInfo"] = new JsonObject { ["name"] = "fake", ["version"] = "1" } },
                });
            }

            return ValueTask.CompletedTask;
        }

        public void Receive(JsonObject message) => onMessage(message);

        public void End() => _ended.TrySetResult();

        public Task<JsonObject> NextSentAsync(Func<JsonObject, bool> match)
            => Gatehouse.Testing.Eventually.ValueAsync(() => Task.FromResult(_sent.FirstOrDefault(match)), "a message sent to the server");

        public ValueTask DisposeAsync()
        {
            End();
            return ValueTask.CompletedTask;
        }
    }
}
