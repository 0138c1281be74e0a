using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gatehouse.Audit.Chain;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Storage.Leases;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;
using OpenAI;
using OpenAI.Chat;

namespace Gatehouse.FunctionalTests.Replicas;

/// <summary>
/// Two real gateway processes on one PostgreSQL database (issue 14): one killed with SIGKILL under streamed load and
/// restarted, a hold on one released by a review on the other, a key revoked elsewhere refused, and the export lease's
/// holder killed mid-export. Each test has its own schema.
/// </summary>
public sealed partial class ReplicaProcessTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StreamedTrafficThroughBoth_OneKilledThreeTimes_NoAcknowledgedExchangeLost_VerifyPasses_PeerNeverInterrupted()
    {
        await using var set = await ReplicaSet.CreateAsync();
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Handler = (context, _) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents(["one ", "two ", "three"]), TimeSpan.FromMilliseconds(30));
        var config = set.WriteConfig(upstream.BaseUri);
        var key = await set.CreateKeyAsync(config, "dev-bot", "dev");
        await using var a = await set.StartAsync(config);
        var b = new Target(await set.StartAsync(config));
        var acknowledged = new ConcurrentQueue<string>();
        using var traffic = new CancellationTokenSource();
        var load = Task.WhenAll(
            DriveAsync("alpha", () => Task.FromResult(a.Url), key, acknowledged, traffic.Token),
            DriveAsync("alpha", () => Task.FromResult(a.Url), key, acknowledged, traffic.Token),
            DriveAsync("beta", b.UrlAsync, key, acknowledged, traffic.Token),
            DriveAsync("beta", b.UrlAsync, key, acknowledged, traffic.Token));
        try
        {
            for (var kill = 1; kill <= 3; kill++)
            {
                var before = acknowledged.Count(m => m.StartsWith("beta", StringComparison.Ordinal));
                await Eventually.UntilAsync(
                    () => acknowledged.Count(m => m.StartsWith("beta", StringComparison.Ordinal)) >= before + 3, $"streams through the second replica before kill {kill}");
                await b.KillAsync();
                b.Started(await set.StartAsync(config));
                await set.AssertVerifiesAsync(config, $"after restart {kill}");
            }

            var alphaBefore = acknowledged.Count(m => m.StartsWith("alpha", StringComparison.Ordinal));
            await Eventually.UntilAsync(
                () => acknowledged.Count(m => m.StartsWith("alpha", StringComparison.Ordinal)) > alphaBefore, "streams through the first replica after the restarts");
        }
        finally
        {
            await traffic.CancelAsync();
            await load;
        }

        Assert.Equal(0, await a.InterruptAsync());
        Assert.Equal(0, await b.Process.InterruptAsync());
        await b.Process.DisposeAsync();
        await set.AssertVerifiesAsync(config, "at the end");

        await using var store = await set.OpenStoreAsync();
        var interrupted = new HashSet<string>();
        var intents = new List<string>();
        await foreach (var entry in store.ReadAllAsync(Token))
        {
            if (entry.Kind == AuditEntryKinds.Interrupted)
            {
                interrupted.Add(entry.ExchangeId);
            }
            else if (entry.Kind == AuditEntryKinds.Intent)
            {
                intents.Add(entry.ExchangeId);
            }
        }

        // Each exchange's marker (which replica, which request) is in its recorded prompt.
        var exchanges = new Dictionary<string, string>();
        foreach (var id in intents)
        {
            if ((await store.GetExchangeAsync(id, Token))?.Intent.Prompt is { } prompt && Marker().Match(prompt) is { Success: true } found)
            {
                exchanges[found.Value] = id;
            }
        }

        // Every stream a client received whole has its intent in the log; the replica never killed saw none of its
        // exchanges (in flight during three restarts of its peer) closed as interrupted.
        Assert.NotEmpty(acknowledged);
        foreach (var marker in acknowledged)
        {
            Assert.True(exchanges.ContainsKey(marker), $"the stream {marker} reached its client whole but has no intent in the log");
        }

        var alpha = exchanges.Where(e => e.Key.StartsWith("alpha", StringComparison.Ordinal)).Select(e => e.Value).ToHashSet();
        Assert.Empty(alpha.Intersect(interrupted));
    }

    [Fact]
    public async Task ResponseHoldOnA_ApprovedThroughB_ReleasesTheWaitingClient()
    {
        await using var set = await ReplicaSet.CreateAsync();
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(ToolCallShapes.ChatCompletion("edit_file", ToolCallShapes.EditArguments("src/auth/login.cs")));
        };
        var policy = Path.Combine(set.Directory, "policy.yaml");
        await File.WriteAllTextAsync(policy, """
            default: deny
            rules:
              - name: developers
                match: {groups: [dev]}
                effect: allow
              - name: reviewers
                match: {groups: [security]}
                effect: allow
              - name: auth-edits-need-review
                match: {direction: response, tool_calls: {paths: ['**/auth/**']}}
                effect: require_approval
                approval: {reviewer_groups: [security], wait: 60s}
            """, Token);
        var config = set.WriteConfig(upstream.BaseUri, $"policy:\n  file: {policy}\n");
        var developer = await set.CreateKeyAsync(config, "dev-bot", "dev");
        var reviewer = await set.CreateKeyAsync(config, "sec-bot", "security");
        await using var a = await set.StartAsync(config);
        await using var b = await set.StartAsync(config);

        var call = Chat(a.Url, developer).CompleteChatAsync([new UserChatMessage("fix login")], cancellationToken: Token);
        using var onB = Client(b.Url, reviewer);
        var pending = await Eventually.ValueAsync(
            async () =>
            {
                var list = await onB.GetFromJsonAsync<JsonElement>("api/approvals?state=pending", Token);
                return list.GetArrayLength() > 0 ? new[] { list[0] } : null;
            },
            "the held response's approval, listed by the second replica");
        Assert.False(call.IsCompleted, "the held tool call reached the client before anyone approved it");
        using var approved = await onB.PostAsJsonAsync(
            $"api/approvals/{pending[0].GetProperty("id").GetString()}/approve", new { justification = "reviewed on the other replica" }, Token);

        // The client is waiting on the first replica; the decision was stored through the second, which notifies it.
        var completion = (await call).Value;
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("response", pending[0].GetProperty("held").GetString());
        Assert.Equal("edit_file", Assert.Single(completion.ToolCalls).FunctionName);
    }

    [Fact]
    public async Task KeyRevokedElsewhere_RefusedByARunningReplica_WithinItsKeyCacheTime()
    {
        await using var set = await ReplicaSet.CreateAsync();
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));
        var config = set.WriteConfig(upstream.BaseUri);
        var key = await set.CreateKeyAsync(config, "ci-bot", "dev");
        await using var a = await set.StartAsync(config);
        await using var b = await set.StartAsync(config);
        using var onA = Client(a.Url, key);
        using var accepted = await PostAsync(onA, Token);

        var revoked = await set.RunAsync("keys", "revoke", "ci-bot", "--config", config);
        Assert.True(revoked.ExitCode == 0, revoked.Error);

        // apiKeyCache is 1 s here: the key that replica A remembered as valid is refused once that time passed.
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await PostAsync(onA, Token);
                return response.StatusCode == HttpStatusCode.Unauthorized;
            },
            "the revoked key refused by replica A");
        using var onB = Client(b.Url, key);
        using var refusedOnB = await PostAsync(onB, Token);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedOnB.StatusCode);
    }

    [Fact]
    public async Task ExportLeaseHolderKilledMidExport_PeerTakesOver_SinkHasEverySequenceWithNoGap()
    {
        await using var set = await ReplicaSet.CreateAsync();
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));
        var config = set.WriteConfig(upstream.BaseUri, """
            export:
              sinks:
                - name: audit-file
                  format: json
                  batchSize: 2
                  transport:
                    type: file
                    path: export/audit.jsonl
            """);
        var key = await set.CreateKeyAsync(config, "ci-bot", "dev");
        var file = Path.Combine(set.Directory, "export", "audit.jsonl");
        HashSet<long> Sequences() => [.. JsonLinesFile.Read(file).Select(e => e.GetProperty("seq").GetInt64())];

        // The first replica starts alone, so it takes the export lease; the second starts once it is exporting.
        var a = await set.StartAsync(config);
        var b = await set.StartAsync(config);
        await using (b)
        {
            var exporter = await set.HolderAsync(LeaseNames.Export("audit-file"));
            using var traffic = new CancellationTokenSource();
            var load = Task.WhenAll(PostUntilAsync(b.Url, key, traffic.Token), PostUntilAsync(b.Url, key, traffic.Token));
            try
            {
                await Eventually.UntilAsync(() => Sequences().Count >= 20, "20 exported entries before the kill");
                Assert.Equal(exporter, await set.HolderAsync(LeaseNames.Export("audit-file")));
                await a.DisposeAsync();

                // The lease lapses (3 s) and the survivor takes it at its next renewal (1 s), then resumes from the cursor.
                await Eventually.UntilAsync(
                    async () => await set.HolderAsync(LeaseNames.Export("audit-file")) is { } holder && holder != exporter,
                    "the export lease taken over by the surviving replica");
                var afterTakeover = Sequences().Count;
                await Eventually.UntilAsync(() => Sequences().Count > afterTakeover, "entries exported by the new holder");
            }
            finally
            {
                await traffic.CancelAsync();
                await load;
            }

            long head;
            await using (var store = await set.OpenStoreAsync())
            {
                head = (await store.GetHeadAsync(Token))!.Sequence;
            }

            await Eventually.UntilAsync(() => Sequences().Contains(head), $"sequence {head} in the export file");

            // At-least-once: a batch delivered but not yet saved when its exporter died is delivered again; none is missing.
            // An exchange still finishing when the head was read may append after it, so the file may run past the head,
            // never with a gap.
            var exported = Sequences().Order().ToList();
            Assert.True(exported[^1] >= head, $"the export file ends at {exported[^1]}, before the head {head}");
            Assert.Equal(Enumerable.Range(1, (int)exported[^1]).Select(i => (long)i), exported);
            Assert.Equal(0, await b.InterruptAsync());
        }

        await set.AssertVerifiesAsync(config, "after the failover");
    }

    [GeneratedRegex(@"(alpha|beta)-\d+")]
    private static partial Regex Marker();

    private static int _counter;

    /// <summary>Streams chat completions through <paramref name="url"/> until cancelled; each stream received whole is acknowledged.</summary>
    private static async Task DriveAsync(string label, Func<Task<string>> url, string key, ConcurrentQueue<string> acknowledged, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var marker = $"{label}-{Interlocked.Increment(ref _counter)}";
            try
            {
                var chat = Chat(await url().WaitAsync(cancellationToken), key);
                var text = new StringBuilder();
                await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage($"explain exchange {marker}")], cancellationToken: cancellationToken))
                {
                    foreach (var part in update.ContentUpdate)
                    {
                        text.Append(part.Text);
                    }
                }

                if (text.ToString() == "one two three")
                {
                    acknowledged.Enqueue(marker);
                }
            }
            catch (Exception error) when (error is ClientResultException or HttpRequestException or IOException or OperationCanceledException)
            {
                // The replica was killed under the stream: that is the point of the test. The client tries again.
            }
        }
    }

    private static async Task PostUntilAsync(string url, string key, CancellationToken cancellationToken)
    {
        using var client = Client(url, key);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var response = await PostAsync(client, cancellationToken);
            }
            catch (Exception error) when (error is HttpRequestException or OperationCanceledException)
            {
                return;
            }
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, CancellationToken cancellationToken) =>
        client.PostAsync("openai/v1/chat/completions", new StringContent(
            """{"model":"gpt-test","messages":[{"role":"user","content":"summarise the ledger"}]}""", Encoding.UTF8, "application/json"),
            cancellationToken);

    private static HttpClient Client(string url, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(url + "/") };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    private static ChatClient Chat(string url, string key) =>
        new("gpt-test", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri(url + "/openai/v1"), RetryPolicy = new ClientRetryPolicy(0) });

    /// <summary>A replica that is killed and restarted: clients wait for it while it is down.</summary>
    private sealed class Target(ChildProcess process)
    {
        private TaskCompletionSource<string> _up = Up(process.Url);

        public ChildProcess Process { get; private set; } = process;

        public Task<string> UrlAsync() => Volatile.Read(ref _up).Task;

        public async Task KillAsync()
        {
            Volatile.Write(ref _up, new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
            await Process.DisposeAsync();
        }

        public void Started(ChildProcess process)
        {
            Process = process;
            Volatile.Read(ref _up).TrySetResult(process.Url);
        }

        private static TaskCompletionSource<string> Up(string url)
        {
            var up = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            up.SetResult(url);
            return up;
        }
    }
}
