using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Sqlite.Audit;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Tests.Audit;

/// <summary>The append's statements are prepared once per connection and reused; nothing of one batch leaks into the next.</summary>
public sealed class PreparedAppendTests : IDisposable
{
    private const string SystemPrompt = "[system]\nYou review pull requests.";

    private readonly TempDatabase _database = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Append_BatchesOnOneConnection_ShareOneSetOfStatements()
    {
        await CreateAsync();
        using var connection = _database.OpenRaw();

        AppendStatements first;
        using (var transaction = connection.BeginTransaction())
        {
            first = AppendStatements.For(connection, transaction);
            await AuditAppender.AppendInAsync(connection, transaction, Exchange("ex-1", "one"), Token);
            transaction.Commit();
        }

        using (var transaction = connection.BeginTransaction())
        {
            Assert.Same(first, AppendStatements.For(connection, transaction));
            await AuditAppender.AppendInAsync(connection, transaction, Exchange("ex-2", "two"), Token);
            transaction.Commit();
        }

        using var other = _database.OpenRaw();
        using var otherTransaction = other.BeginTransaction();
        Assert.NotSame(first, AppendStatements.For(other, otherTransaction));
        otherTransaction.Rollback();
        other.Close();

        connection.Close();
        await AssertLogAsync(expectedEntries: 4, expectedParts: 5);
    }

    [Fact]
    public async Task Append_AfterABatchRolledBack_StoresTheSharedPartAgainAndTheChainContinuesFromTheCommittedHead()
    {
        await CreateAsync();
        using var connection = _database.OpenRaw();
        using (var transaction = connection.BeginTransaction())
        {
            // The part ids this batch learns point at rows the rollback removes; the next batch must not reuse them.
            await AuditAppender.AppendInAsync(connection, transaction, Exchange("rolled-back", "lost"), Token);
            transaction.Rollback();
        }

        IReadOnlyList<AuditEntry> written;
        using (var transaction = connection.BeginTransaction())
        {
            written = await AuditAppender.AppendInAsync(connection, transaction, Exchange("ex-1", "kept"), Token);
            transaction.Commit();
        }

        Assert.Equal([1L, 2L], written.Select(e => e.Sequence));
        Assert.Equal(AuditChain.GenesisHash.ToArray(), written[0].PrevHash);
        connection.Close();
        await AssertLogAsync(expectedEntries: 2, expectedParts: 3);
    }

    [Fact]
    public async Task Append_ConnectionClosedAndReopened_PreparesAgainAndAppends()
    {
        await CreateAsync();
        using var connection = _database.OpenRaw();
        await AppendCommittedAsync(connection, Exchange("ex-1", "one"));
        connection.Close();
        connection.Open();

        await AppendCommittedAsync(connection, Exchange("ex-2", "two"));

        connection.Close();
        await AssertLogAsync(expectedEntries: 4, expectedParts: 5);
    }

    private static async Task AppendCommittedAsync(SqliteConnection connection, IReadOnlyList<AuditEntryDraft> drafts)
    {
        using var transaction = connection.BeginTransaction();
        await AuditAppender.AppendInAsync(connection, transaction, drafts, Token);
        transaction.Commit();
    }

    // An intent whose prompt is the shared system prompt and a user message, and its outcome: three parts.
    private static IReadOnlyList<AuditEntryDraft> Exchange(string id, string question)
    {
        string[] pieces = [SystemPrompt, "\n\n[user]\n" + question];
        var intent = Exchanges.Intent(id, prompt: string.Concat(pieces)) with { PromptParts = pieces };
        return
        [
            AuditEntryCodec.ForIntent(intent, Exchanges.Start),
            AuditEntryCodec.ForOutcome(Exchanges.Outcome(id, "answer to " + question), Exchanges.Start),
        ];
    }

    private async Task CreateAsync() => await _database.Open().DisposeAsync();

    private async Task AssertLogAsync(long expectedEntries, long expectedParts)
    {
        var store = _database.Open();
        await using (store)
        {
            Assert.Equal(expectedEntries, (await store.GetHeadAsync(Token))!.Sequence);
            Assert.Equal(expectedParts, Scalar("SELECT count(*) FROM audit_parts"));
            Assert.Equal(0L, Scalar("SELECT count(*) FROM audit_entry_parts r LEFT JOIN audit_parts p ON p.id = r.part_id WHERE p.id IS NULL"));
            var verification = await new AuditVerifier(store).VerifyAsync(Token);
            Assert.True(verification.IsIntact, verification.Problem.ToString());
            Assert.Equal(expectedEntries, verification.EntriesChecked);
        }
    }

    private long Scalar(string sql)
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
