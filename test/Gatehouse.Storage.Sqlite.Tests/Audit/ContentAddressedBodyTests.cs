using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Sqlite.Retention;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Tests.Audit;

/// <summary>Bodies are stored as content-addressed parts: once per distinct part, read back byte for byte.</summary>
public sealed class ContentAddressedBodyTests : IAsyncLifetime
{
    private const string SystemPrompt = "[system]\nYou are a careful reviewer of pull requests.";

    private readonly TempDatabase _database = new();
    private SqliteStore _store = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _store = _database.Open();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Append_ConversationResentEveryTurn_StoresEachMessageOnceAndShowsThePromptAsWritten()
    {
        var turns = Turns(5);
        foreach (var (turn, i) in turns.Select((t, i) => (t, i)))
        {
            await AppendExchangeAsync($"ex-{i}", turn, $"answer {i}");
        }

        // 1 system prompt + 5 user messages + 4 assistant messages resent in later turns + 5 responses, whose text
        // equals the assistant message resent next turn only with the prompt's framing, so it is its own part.
        Assert.Equal(1 + 5 + 4 + 5, Scalar("SELECT count(*) FROM audit_parts"));
        for (var i = 0; i < turns.Count; i++)
        {
            var record = await _store.GetExchangeAsync($"ex-{i}", Token);
            Assert.Equal(string.Concat(turns[i]), record!.Intent.Prompt);
            Assert.Equal($"answer {i}", record.Outcome!.Response);
        }

        Assert.True((await new AuditVerifier(_store).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public async Task Append_BodyInParts_EntryHashCommitsToThePartHashes()
    {
        var written = await AppendExchangeAsync("ex-1", Turns(2)[1], "done");

        var entries = await _store.ReadExchangeEntriesAsync("ex-1", Token);
        var intent = entries[0];
        Assert.Equal(4, intent.BodyParts!.Count);
        Assert.Equal(BodyParts.ManifestHash(intent.BodyParts), intent.BodyHash);
        Assert.Equal(written[0].Hash, AuditChain.ComputeHash(intent));
        Assert.Equal(string.Concat(Turns(2)[1]), System.Text.Encoding.UTF8.GetString(intent.Body!));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM audit_entries WHERE body IS NOT NULL"));
    }

    [Fact]
    public async Task Retention_PartSharedByTwoExchanges_SurvivesTheFirstAndGoesWithTheLast()
    {
        var turns = Turns(2);
        await AppendExchangeAsync("ex-1", turns[0], "first answer");
        await AppendExchangeAsync("ex-2", turns[1], "second answer");
        await _store.IndexTextAsync(Token);
        var retention = new SqliteRetentionStore(_store);
        var systemPart = Scalar($"SELECT count(*) FROM audit_parts WHERE CAST(body AS TEXT) = '{SystemPrompt.Replace("'", "''", StringComparison.Ordinal)}'");
        Assert.Equal(1L, systemPart);

        Assert.Equal(2L, await retention.RemoveBodiesAsync(["ex-1"], Token));

        Assert.Null((await _store.GetExchangeAsync("ex-1", Token))!.Intent.Prompt);
        Assert.Equal(string.Concat(turns[1]), (await _store.GetExchangeAsync("ex-2", Token))!.Intent.Prompt);
        Assert.Equal(["ex-2"], await SearchIdsAsync("careful reviewer"));
        Assert.Empty(await SearchIdsAsync("\"first answer\""));

        Assert.Equal(2L, await retention.RemoveBodiesAsync(["ex-2"], Token));

        Assert.Equal(0L, Scalar("SELECT count(*) FROM audit_parts"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM audit_entry_parts"));
        Assert.Empty(await SearchIdsAsync("careful reviewer"));
        var verification = await new AuditVerifier(_store).VerifyAsync(Token);
        Assert.True(verification.IsIntact);
        Assert.Equal(4L, verification.BodiesRemoved);
    }

    [Fact]
    public async Task Retention_PartSharedWithAHeldExchange_IsKept()
    {
        var turns = Turns(2);
        await AppendExchangeAsync("ex-1", turns[0], "first answer");
        await AppendExchangeAsync("ex-2", turns[1], "second answer");
        var retention = new SqliteRetentionStore(_store);
        await retention.PlaceHoldAsync(
            new LegalHold("hold-1", LegalHoldTarget.Exchange, "ex-2", "litigation", "auditor", Exchanges.Start, null, null), Token);

        await retention.RemoveBodiesAsync(["ex-1", "ex-2"], Token);

        Assert.Equal(string.Concat(turns[1]), (await _store.GetExchangeAsync("ex-2", Token))!.Intent.Prompt);
        Assert.True((await new AuditVerifier(_store).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public async Task Verify_SharedPartTampered_FailsEveryExchangeThatRefersToIt()
    {
        await AppendExchangeAsync("ex-1", [SystemPrompt, "\n\n[user]\none"], "a");
        await AppendExchangeAsync("ex-2", ["[user]\nunrelated"], "b");
        await AppendExchangeAsync("ex-3", [SystemPrompt, "\n\n[user]\nthree"], "c");

        _database.Execute($"UPDATE audit_parts SET body = CAST('[system]\nYou are a careless reviewer.' AS BLOB) WHERE body = CAST('{SystemPrompt}' AS BLOB)");

        var result = await new AuditVerifier(_store).VerifyAsync(Token);
        Assert.Equal((1L, AuditProblem.BodyMismatch), (result.FirstBadSequence!.Value, result.Problem));
        Assert.False(await BodyHoldsAsync("ex-1"));
        Assert.True(await BodyHoldsAsync("ex-2"));
        Assert.False(await BodyHoldsAsync("ex-3"));

        // With the first referrer's body gone, verification reaches the next one that refers to the part.
        await new SqliteRetentionStore(_store).RemoveBodiesAsync(["ex-1"], Token);
        result = await new AuditVerifier(_store).VerifyAsync(Token);
        Assert.Equal((5L, AuditProblem.BodyMismatch), (result.FirstBadSequence!.Value, result.Problem));
    }

    [Fact]
    public async Task Verify_ReferencedPartDeleted_IsABodyMismatch()
    {
        await AppendExchangeAsync("ex-1", [SystemPrompt, "\n\n[user]\none"], "a");

        _database.Execute($"DELETE FROM audit_parts WHERE body = CAST('{SystemPrompt}' AS BLOB)");

        var result = await new AuditVerifier(_store).VerifyAsync(Token);
        Assert.Equal((1L, AuditProblem.BodyMismatch), (result.FirstBadSequence!.Value, result.Problem));
    }

    [Fact]
    public async Task Open_StoreWrittenByVersion7_UpgradesKeepsVerifyingShowingAndFindingOldBodies()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(Path.GetDirectoryName(_database.Path)!);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "v7-store.db"), _database.Path, overwrite: true);
        _store = _database.Open();

        Assert.Equal((long)Database.Schema.CurrentVersion, Scalar("SELECT version FROM schema_version"));
        Assert.True((await new AuditVerifier(_store).VerifyAsync(Token)).IsIntact);
        var old = await _store.GetExchangeAsync("v7-1", Token);
        Assert.Equal("[system]\nYou are a careful reviewer of pull requests.\n\n[user]\nrotate the signing key", old!.Intent.Prompt);
        Assert.Equal("Rotated with zero downtime", old.Outcome!.Response);
        Assert.Equal(["v7-2"], await SearchIdsAsync("parser"));

        // New exchanges go into parts beside the old inline bodies; search and verification see both.
        await AppendExchangeAsync("new-1", [SystemPrompt, "\n\n[user]\nrefactor the parser again"], "Done");
        Assert.Equal(["new-1", "v7-2"], await SearchIdsAsync("parser"));
        Assert.Equal(["new-1", "v7-3", "v7-2", "v7-1"], await SearchIdsAsync("reviewer"));
        Assert.True((await new AuditVerifier(_store).VerifyAsync(Token)).IsIntact);

        // Retention still removes an old inline body and its old index rows.
        await new SqliteRetentionStore(_store).RemoveBodiesAsync(["v7-2"], Token);
        Assert.Equal(["new-1"], await SearchIdsAsync("parser"));
        Assert.True((await new AuditVerifier(_store).VerifyAsync(Token)).IsIntact);
    }

    private static List<IReadOnlyList<string>> Turns(int count)
    {
        var turns = new List<IReadOnlyList<string>>();
        var messages = new List<string> { SystemPrompt };
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                messages.Add($"\n\n[assistant]\nanswer {i - 1}");
            }

            messages.Add($"\n\n[user]\nquestion {i}");
            turns.Add([.. messages]);
        }

        return turns;
    }

    private async Task<IReadOnlyList<AuditEntry>> AppendExchangeAsync(string id, IReadOnlyList<string> pieces, string response)
    {
        var intent = Exchanges.Intent(id, prompt: string.Concat(pieces)) with { PromptParts = pieces };
        return await _store.AppendAsync(
            [AuditEntryCodec.ForIntent(intent, Exchanges.Start), AuditEntryCodec.ForOutcome(Exchanges.Outcome(id, response), Exchanges.Start)],
            Token);
    }

    private async Task<bool> BodyHoldsAsync(string exchangeId)
    {
        var intent = (await _store.ReadExchangeEntriesAsync(exchangeId, Token)).First(e => e.Kind == AuditEntryKinds.Intent);
        return BodyParts.Match(intent.BodyParts!, intent.BodyHash);
    }

    private async Task<List<string>> SearchIdsAsync(string text) =>
        [.. (await _store.SearchAsync(new ExchangeQuery { Text = text }, Token)).Items.Select(i => i.ExchangeId)];

    private long Scalar(string sql)
    {
        using var raw = _database.OpenRaw();
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
