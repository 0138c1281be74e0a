using System.Diagnostics;
using System.Net;
using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// The audit store failing under the real gateway: injected write errors and a full disk. The client gets 503 and the
/// upstream is never called when the intent cannot be written; health stays up; nothing unmasked is logged; and once
/// the store can write again the gateway serves without a restart.
/// </summary>
public sealed class StoreFaultTests : IAsyncDisposable
{
    private static readonly string Secret = BuiltInRules.All.Single(r => r.Id == "github-pat").Example;
    private readonly CapturedLogs _logs = new();
    private string? _mount;
    private FakeUpstream _upstream = null!;
    private GatewayUnderTest? _gateway;

    [Fact]
    public async Task InjectedIntentWriteError_Gets503_UpstreamNeverCalled_AndServingResumesWhenFixed()
    {
        var gateway = await StartAsync();
        await ExecuteAsync(gateway.DatabasePath, "CREATE TRIGGER inject_fault BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'injected write error'); END");

        var refused = await SendAsync(gateway, "uma");

        await AssertAuditUnavailableAsync(gateway, refused);
        await ExecuteAsync(gateway.DatabasePath, "DROP TRIGGER inject_fault");
        await AssertServesAgainAsync(gateway, "uma-after");
    }

    [Fact]
    public async Task InjectedOutcomeWriteError_ClientIsServed_IntentStaysOpenForRecovery_AndTheFailureIsLogged()
    {
        var gateway = await StartAsync();
        await ExecuteAsync(gateway.DatabasePath,
            "CREATE TRIGGER inject_fault BEFORE INSERT ON audit_entries WHEN NEW.kind = 'exchange.outcome' BEGIN SELECT RAISE(ABORT, 'injected write error'); END");

        var (status, body) = await SendAsync(gateway, "vic");

        // The intent was durable before forwarding, so the answer is released; the missing outcome is what start-up
        // recovery marks as interrupted, and the operator is told now.
        Assert.Equal(HttpStatusCode.OK, status);
        await WaitForLogAsync("[1104]");
        await using (var store = gateway.OpenStore())
        {
            var page = await store.SearchAsync(new Gatehouse.Audit.Store.ExchangeQuery { User = "vic" }, TestContext.Current.CancellationToken);
            Assert.Null(Assert.Single(page.Items).Outcome);
        }

        await LeakCheck.AssertAbsentAsync(Secret, body, _logs, gateway.DatabasePath);
        await ExecuteAsync(gateway.DatabasePath, "DROP TRIGGER inject_fault");
        await AssertServesAgainAsync(gateway, "vic-after");
    }

    [Fact]
    public async Task FullDisk_Gets503_UpstreamNeverCalled_AndServingResumesWhenSpaceIsFreed()
    {
        // A real ENOSPC: the store lives on a 4 MiB tmpfs that a filler file then fills to the last byte.
        _mount = Directory.CreateTempSubdirectory("gatehouse-full-").FullName;
        if (await RunAsync("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", _mount) != 0)
        {
            Directory.Delete(_mount);
            _mount = null;
            Assert.Skip("mounting a size-limited tmpfs needs privileges this machine does not grant");
        }

        var database = Path.Combine(_mount, "gatehouse.db");
        var gateway = await StartAsync(database);
        var filler = Path.Combine(_mount, "filler");
        await FillAsync(filler);

        var refused = await SendAsync(gateway, "walt");

        await AssertAuditUnavailableAsync(gateway, refused);
        Assert.Contains(_logs.Lines, l => l.Contains("[1102]", StringComparison.Ordinal) && l.Contains("disk is full", StringComparison.Ordinal));
        File.Delete(filler);
        await AssertServesAgainAsync(gateway, "walt-after");
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
            await _upstream.DisposeAsync();
        }

        if (_mount is not null)
        {
            // Lazily: pooled SQLite handles may close a moment after the gateway stops.
            await RunAsync("umount", "-l", _mount);
            Directory.Delete(_mount, recursive: true);
        }
    }

    private async Task<GatewayUnderTest> StartAsync(string? database = null)
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("fine"));
        _gateway = await GatewayUnderTest.StartAsync(_upstream, config => config with
        {
            Storage = config.Storage with { Sqlite = database ?? config.Storage.Sqlite, BusyTimeout = TimeSpan.FromMilliseconds(200) },
        }, _logs);
        return _gateway;
    }

    private async Task AssertAuditUnavailableAsync(GatewayUnderTest gateway, (HttpStatusCode Status, string Body) refused)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Contains("\"code\":\"audit_unavailable\"", refused.Body, StringComparison.Ordinal);
        Assert.Empty(_upstream.Received);
        await WaitForLogAsync("[1102]");
        using (var live = await gateway.Client().GetAsync("healthz", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        await LeakCheck.AssertAbsentAsync(Secret, refused.Body, _logs, gateway.DatabasePath);
    }

    private static async Task AssertServesAgainAsync(GatewayUnderTest gateway, string user)
    {
        var (status, _) = await SendAsync(gateway, user);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull((await gateway.WaitForExchangeAsync(user)).Outcome);
    }

    private async Task WaitForLogAsync(string eventId)
    {
        await Eventually.UntilAsync(() => _logs.Lines.Any(l => l.Contains(eventId, StringComparison.Ordinal)), $"log event {eventId}");
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(GatewayUnderTest gateway, string user)
    {
        using var response = await gateway.Client(gateway.Token(user)).PostAsync("openai/v1/chat/completions",
            new StringContent($$"""{"model":"gpt-test","messages":[{"role":"user","content":"deploy with {{Secret}}"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task FillAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                await file.WriteAsync(block, TestContext.Current.CancellationToken);
            }
        }
        catch (IOException)
        {
            // No space left: exactly the state under test.
        }
    }

    private static async Task<int> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
