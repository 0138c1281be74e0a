using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Store;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Gatehouse.Storage.Sqlite.Approvals;
using Gatehouse.Storage.Sqlite.Grants;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.FunctionalTests.Adversarial;

/// <summary>
/// An outside attacker with at most a developer token tries to exhaust the gateway (an unauthenticated flood, a huge
/// declared body, a pile of held requests, a flood of pending reviews) or to run a production store in development
/// mode. Each test asserts what the attacker and the next honest user observe.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AbuseTests : GatewayTest
{
    private const int RefusalBudget = 50;
    private const int HoldCap = 2;
    private const int PendingCap = 3;

    private const string Policy = """
        default: deny
        rules:
          - name: developers
            match: {groups: [dev]}
            effect: allow
          - name: frontier-models-need-review
            match: {models: ['gpt-5*']}
            effect: require_approval
            approval: {reviewer_groups: [leads], wait: 10m}
        """;

    private static readonly UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private readonly string _scratch = Directory.CreateTempSubdirectory("gatehouse-abuse-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    protected override TimeProvider Time => _clock;

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        var policy = Path.Combine(_scratch, "policy.yaml");
        File.WriteAllText(policy, Policy);
        return config with
        {
            Policy = new PolicyConfig { File = policy },
            Storage = config.Storage with { Sqlite = Path.Combine(Path.GetDirectoryName(config.Storage.Sqlite)!, "state", "gatehouse.db") },
            Limits = config.Limits with
            {
                MaxRequestBodyBytes = 1L << 30,
                UnauthenticatedPerMinute = RefusalBudget,
                RefusalAuditInterval = TimeSpan.FromMinutes(1),
                MaxHoldsPerCaller = HoldCap,
                MaxPendingPerCaller = PendingCap,
            },
            Access = new AccessConfig
            {
                Connections = new Dictionary<string, AccessConnectionConfig>
                {
                    ["locked"] = new() { ReviewerGroups = ["leads"], MaxDuration = TimeSpan.FromHours(4) },
                },
            },
        };
    }

    protected override void CleanUp() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task UnauthenticatedFlood_FromOneSource_AuditStaysBoundedWithACount_AndARealCallerIsServed()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("still here"));
        const int Flood = 2000;
        var statuses = new int[Flood];
        var next = -1;
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = Gateway.Client("not-a-token");
            int i;
            while ((i = Interlocked.Increment(ref next)) < Flood)
            {
                using var response = await client.PostAsync("openai/v1/chat/completions", Json("""{"model":"gpt-test","messages":[]}"""), Token);
                statuses[i] = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.Contains("too_many_refusals", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
                    Assert.True(response.Headers.RetryAfter is not null, "a 429 says when to come back");
                }
            }
        });
        await Task.WhenAll(workers);

        // The clock is fake and never moved, so exactly the budget was refused with 401 and the rest throttled.
        Assert.Equal(RefusalBudget, statuses.Count(s => s == 401));
        Assert.Equal(Flood - RefusalBudget, statuses.Count(s => s == 429));

        using (var served = await Gateway.Client(Gateway.Token("honest", "dev")).PostAsync(
            "openai/v1/chat/completions", Json("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}"""), Token))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        var refusals = await Eventually.ValueAsync(
            async () => await RefusalsAsync() is var found && found.Sum(f => f.Count) == Flood ? found : null,
            "the refusals of the interval to be counted in the audit");
        Assert.InRange(refusals.Count, 1, 2);
        Assert.All(refusals, r => Assert.Equal("127.0.0.1", r.ClientAddress));
        Assert.Equal(Flood - RefusalBudget, refusals.Sum(r => r.Throttled));
    }

    [Fact]
    public async Task DeclaredHugeBody_TinyActualBody_IsNotAllocatedUpFront()
    {
        var token = Gateway.Token("big", "dev");
        var before = GC.GetTotalAllocatedBytes(precise: true);

        // Nearly 1 GiB declared, 9 bytes sent, then nothing: the minimum body rate ends the request after its grace.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Gateway.BaseUri.Host, Gateway.BaseUri.Port, Token);
        var head = $"POST /openai/v1/chat/completions HTTP/1.1\r\nHost: {Gateway.BaseUri.Authority}\r\nAuthorization: Bearer {token}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {(1L << 30) - 1}\r\n\r\n{{\"model\":";
        await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head), Token);

        var record = await Eventually.ValueAsync(
            async () =>
            {
                await using var store = Gateway.OpenStore();
                var page = await store.SearchAsync(new ExchangeQuery { User = "big" }, Token);
                return page.Items is [{ Outcome: not null } only] ? only : null;
            },
            "the stalled request to be cut and audited");

        Assert.Equal("request_body_incomplete", record.Outcome!.Failure);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(allocated < 256L << 20, $"a 9-byte body that declared 1 GiB made the process allocate {allocated >> 20} MiB");
    }

    [Fact]
    public async Task DeclaredBodyOverTheLimit_IsRefused413AtOnce_WithoutWaitingForTheBody()
    {
        var status = await RawRequest.SendHeadAsync(Gateway.BaseUri, "POST", "/openai/v1/chat/completions",
            [$"Authorization: Bearer {Gateway.Token("huge", "dev")}", "Content-Type: application/json", $"Content-Length: {2L << 30}"]);

        Assert.Equal(413, status);
    }

    [Fact]
    public async Task HoldCap_NextConcurrentHoldOfOneCaller_Gets429_WhileAnotherCallerIsStillHeld()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var held = Enumerable.Range(0, HoldCap).Select(i => Chat("hoarder", $"held prompt {i}", stop.Token)).ToList();
        await Eventually.UntilAsync(async () => (await PendingAsync()).Count == HoldCap, "the caller's holds to be pending");

        using (var over = await Chat("hoarder", "one too many", Token))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
            Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
            var problem = await over.Content.ReadFromJsonAsync<JsonElement>(Token);
            Assert.Equal("too_many_holds", problem.GetProperty("code").GetString());
            Assert.Contains($"{HoldCap}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var other = Chat("bystander", "my own held prompt", stop.Token);
        await Eventually.UntilAsync(async () => (await PendingAsync()).Count == HoldCap + 1, "another caller's request to be held");
        Assert.False(other.IsCompleted);

        await stop.CancelAsync();
        foreach (var request in held.Append(other))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        }
    }

    [Fact]
    public async Task PendingApprovals_MoreThanAThousand_AllReachableThroughTheApiAndTheCli()
    {
        const int Count = 1050;
        var ids = new List<string>();
        await using (var store = Gateway.OpenStore())
        {
            var approvals = new SqliteApprovalStore(store, _clock);
            for (var i = 0; i < Count; i++)
            {
                var created = await approvals.CreateAsync(new ApprovalDraft
                {
                    ExchangeId = $"flood-{i}",
                    ContentDigest = Convert.ToHexStringLower(BitConverter.GetBytes(i)).PadLeft(64, '0'),
                    Requester = new Principal { Subject = $"flooder-{i % 40}", Groups = ["dev"] },
                    Connection = "openai",
                    RuleName = "frontier-models-need-review",
                    Reviewers = new ReviewPolicy { ReviewerGroups = ["leads"] },
                }, Token);
                ids.Add(created.Value!.Id);
            }
        }

        var listed = await PendingAsync();

        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        var cli = await GatehouseCommand.RunAsync("approvals", "list", "--json", "--url", Gateway.BaseUri.ToString(), "--token", Gateway.Token("lee", "leads"));
        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Contains(ids[0], cli.Output, StringComparison.Ordinal);
        Assert.Equal(Count, JsonDocument.Parse(cli.Output).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task PendingAccessRequests_MoreThanAThousand_AllReachable_AndOneCallerIsCapped()
    {
        const int Count = 1020;
        var ids = new List<string>();
        await using (var store = Gateway.OpenStore())
        {
            var grants = new SqliteGrantStore(store, _clock);
            for (var i = 0; i < Count; i++)
            {
                var opened = await grants.RequestAsync(new GrantDraft
                {
                    Requester = new Principal { Subject = $"asker-{i}", Groups = ["dev"] },
                    Connection = "locked",
                    Duration = TimeSpan.FromHours(1),
                    Reason = "flood",
                    Reviewers = new ReviewPolicy { ReviewerGroups = ["leads"] },
                }, Token);
                ids.Add(opened.Value!.Id);
            }
        }

        var listed = await PagesAsync("api/access/requests?state=pending");
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));

        using var asker = Gateway.Client(Gateway.Token("asker", "dev"));
        for (var i = 0; i < PendingCap; i++)
        {
            using var accepted = await asker.PostAsJsonAsync("api/access/requests", new { connection = "locked", duration = "1h", reason = $"need {i}" }, Token);
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        using var over = await asker.PostAsJsonAsync("api/access/requests", new { connection = "locked", duration = "1h", reason = "one more" }, Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
        Assert.Equal("too_many_pending", (await over.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("code").GetString());
    }

    [Fact]
    public void Database_CreatedByTheGateway_IsOwnerOnly_InAnOwnerOnlyFolder()
    {
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Gateway.DatabasePath));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Gateway.DatabasePath + "-wal"));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(Path.GetDirectoryName(Gateway.DatabasePath)!));
    }

    [Fact]
    public async Task ServeDev_ConfigTrustingAnotherIssuer_RefusesToStart_AndSaysWhy()
    {
        var config = Path.Combine(_scratch, "dev.yaml");
        await File.WriteAllTextAsync(config, "dev: true\nidentity:\n  oidc:\n    - issuer: https://login.example.com/\n      audiences: [gatehouse]\n", Token);

        var result = await GatehouseProcess.RunAsync(_scratch, "serve", "--dev", "--config", config, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("https://login.example.com/", result.Error, StringComparison.Ordinal);
        Assert.Contains("development mode", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_scratch, ".gatehouse", "dev-issuer.jwk.json")), "no development key is made for a refused start");
    }

    [Fact]
    public async Task ServeDev_ProductionConfigInTheWorkingFolder_RefusesToStart_AndSaysWhy()
    {
        await File.WriteAllTextAsync(Path.Combine(_scratch, "gatehouse.yaml"), "storage:\n  sqlite: /var/lib/gatehouse/gatehouse.db\n", Token);

        var result = await GatehouseProcess.RunAsync(_scratch, "serve", "--dev", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("gatehouse.yaml", result.Error, StringComparison.Ordinal);
        Assert.Contains("dev: true", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_StoreFolderHoldingTheDevelopmentIssuerKey_RefusesToStart()
    {
        var state = Path.Combine(_scratch, "state");
        Directory.CreateDirectory(state);
        await File.WriteAllTextAsync(Path.Combine(state, "dev-issuer.jwk.json"), "{}", Token);
        File.SetUnixFileMode(Path.Combine(state, "dev-issuer.jwk.json"), OwnerOnlyFile);
        var config = Path.Combine(_scratch, "prod.yaml");
        await File.WriteAllTextAsync(config, $"storage:\n  sqlite: {Path.Combine(state, "gatehouse.db")}\nidentity:\n  apiKeys: true\n", Token);

        var result = await GatehouseProcess.RunAsync(_scratch, "serve", "--config", config, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("dev-issuer.jwk.json", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(state, "gatehouse.db")), "the store is not opened");
    }

    [Fact]
    public async Task Serve_CheckpointKeyReadableByOthers_IsRefused_NamingTheFileAndTheFix()
    {
        var key = Path.Combine(_scratch, "audit.pem");
        var made = await GatehouseCommand.RunAsync("audit", "keygen", "--out", key);
        Assert.True(made.ExitCode == 0, made.Error);
        File.SetUnixFileMode(key, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var config = Path.Combine(_scratch, "prod.yaml");
        await File.WriteAllTextAsync(config,
            $"storage:\n  sqlite: {Path.Combine(_scratch, "prod", "gatehouse.db")}\naudit:\n  checkpoints:\n    key: {key}\n", Token);

        var result = await GatehouseProcess.RunAsync(_scratch, "serve", "--config", config, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("audit.checkpoints.key", result.Error, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 {key}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeDev_DevelopmentKeyReadableByOthers_IsRefused_NamingTheFileAndTheFix()
    {
        var first = await GatehouseProcess.RunAsync(_scratch, "dev", "token", "--user", "alice");
        Assert.True(first.ExitCode == 0, first.Error);
        var key = Path.Combine(_scratch, ".gatehouse", "dev-issuer.jwk.json");
        File.SetUnixFileMode(key, OwnerOnlyFile | UnixFileMode.GroupRead);

        var result = await GatehouseProcess.RunAsync(_scratch, "serve", "--dev", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"chmod 600 {key}", result.Error, StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> Chat(string user, string prompt, CancellationToken cancellationToken)
    {
        using var client = Gateway.Client(Gateway.Token(user, "dev"));
        return await client.PostAsync("openai/v1/chat/completions",
            Json($$"""{"model":"gpt-5","messages":[{"role":"user","content":"{{prompt}}"}]}"""), cancellationToken);
    }

    private Task<List<string>> PendingAsync() => PagesAsync("api/approvals?state=pending");

    /// <summary>Reads every page of a review list as the reviewer <c>lee</c>, following each <c>Link: rel="next"</c>.</summary>
    private async Task<List<string>> PagesAsync(string first)
    {
        using var client = Gateway.Client(Gateway.Token("lee", "leads"));
        var ids = new List<string>();
        string? next = first;
        while (next is not null)
        {
            using var response = await client.GetAsync(next, Token);
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            ids.AddRange(page.EnumerateArray().Select(item => item.GetProperty("id").GetString()!));
            next = response.Headers.TryGetValues("Link", out var links)
                ? links.Select(NextOf).FirstOrDefault(l => l is not null)
                : null;
        }

        return ids;
    }

    private static string? NextOf(string link)
    {
        var end = link.IndexOf('>', StringComparison.Ordinal);
        return link.StartsWith('<') && end > 0 && link.Contains("rel=\"next\"", StringComparison.Ordinal) ? link[1..end].TrimStart('/') : null;
    }

    private async Task<List<Gatehouse.Audit.Records.SignInFailure>> RefusalsAsync()
    {
        await using var store = Gateway.OpenStore();
        var found = new List<Gatehouse.Audit.Records.SignInFailure>();
        await foreach (var entry in store.ReadAllAsync(Token))
        {
            if (entry.Kind == AuditEntryKinds.SignInFailed)
            {
                found.Add(AuditEntryCodec.DecodeSignInFailure(entry.Payload));
            }
        }

        return found;
    }
}
