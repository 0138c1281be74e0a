using System.Net;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Storage.Sqlite;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// SIGTERM to the real executable while exchanges' outcomes are still being written: the clients already have their
/// responses and the handlers have returned; the host waits for the outcomes, writes them all, and exits 0 with an
/// audit that verifies.
/// </summary>
public sealed class OutcomeDrainProcessTests : IAsyncLifetime
{
    private const string Ready = "audit store: ";
    private const int Exchanges = 2;

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-outcome-drain-").FullName;
    private readonly TaskCompletionSource<StoreLock> _locked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeUpstream _upstream = null!;
    private int _arrived;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_directory, "gatehouse.db");

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();

        // Every intent is durable before its request reaches the upstream. Once both have, the upstream takes the
        // database's write lock from outside (as another process could), so both outcomes wait for it; then it answers.
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _upstream.Handler = async (context, _) =>
        {
            if (Interlocked.Increment(ref _arrived) == Exchanges)
            {
                _locked.SetResult(await StoreLock.TakeAsync(Database));
                both.SetResult();
            }

            await both.Task.WaitAsync(context.RequestAborted);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(OpenAIShapes.Completion("fine"), context.RequestAborted);
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_locked.Task.IsCompletedSuccessfully)
        {
            await (await _locked.Task).DisposeAsync();
        }

        await _upstream.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Terminate_WithOutcomesStillBeingWritten_WritesThemAllBeforeExit()
    {
        var config = Path.Combine(_directory, "gatehouse.yaml");
        await File.WriteAllTextAsync(config, $"""
            dev: true
            storage:
              sqlite: {Database}
              busyTimeout: 1m
            connections:
              - name: openai
                kind: openai
                upstream: {_upstream.BaseUri}
            """, Token);
        await using var serve = await GatehouseProcess.ServeAsync(_directory, Ready, at => ["serve", "--dev", "--config", config, "--urls", at]);
        var token = await GatehouseProcess.RunAsync(_directory, "dev", "token", "--user", "yara", "--groups", "dev", "--url", serve.Url);
        Assert.True(token.ExitCode == 0, token.Error);

        var clients = Enumerable.Range(0, Exchanges).Select(_ => new OneConnection(new Uri(serve.Url), token.Output.Trim())).ToList();
        try
        {
            var answers = await Task.WhenAll(clients.Select(client => client.ChatAsync(Token)));
            Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }

        // Both outcomes wait for the lock. The server has no request left, so it stops at once; the host then says
        // it waits for the outcomes, and only then is the lock released.
        await serve.SendTerminateAsync();
        await Eventually.UntilAsync(
            () => serve.Output.Contains($"Waiting for {Exchanges} exchange outcomes to be written before stopping", StringComparison.Ordinal),
            "the stopping gateway to wait for both outcomes");
        await (await _locked.Task).DisposeAsync();

        Assert.Equal(0, await serve.WaitForExitAsync());
        Assert.DoesNotContain("[1104]", serve.Output, StringComparison.Ordinal);
        await using (var store = SqliteStore.Open(Database))
        {
            var page = await store.SearchAsync(new Gatehouse.Audit.Store.ExchangeQuery { User = "yara" }, Token);
            Assert.Equal(Exchanges, page.Items.Count);
            Assert.All(page.Items, item => Assert.Equal(200, item.Outcome?.Status));
        }

        var verified = await GatehouseCommand.RunAsync("audit", "verify", "--db", Database);
        Assert.Equal(0, verified.ExitCode);
        Assert.StartsWith("audit: intact.", verified.Output, StringComparison.Ordinal);
    }
}
