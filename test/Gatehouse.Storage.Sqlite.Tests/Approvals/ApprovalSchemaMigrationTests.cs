using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Sqlite.Approvals;
using Gatehouse.Storage.Sqlite.Tests.Support;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Sqlite.Tests.Approvals;

public sealed class ApprovalSchemaMigrationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Open_VersionOneDatabase_UpgradesAndKeepsAuditVerifying()
    {
        IReadOnlyList<AuditEntry> written;
        await using (var store = _database.Open())
        {
            written = await store.AppendAsync(
                [AuditEntryCodec.ForIntent(Exchanges.Intent("ex-1"), Exchanges.Start), AuditEntryCodec.ForOutcome(Exchanges.Outcome("ex-1"), Exchanges.Start)],
                Token);
        }

        // A version-1 file is today's file without the tables later steps added.
        foreach (var table in LaterTables())
        {
            _database.Execute($"DROP TABLE IF EXISTS {table}");
        }

        _database.Execute("ALTER TABLE api_keys DROP COLUMN owner");
        _database.Execute("UPDATE schema_version SET version = 1");
        Assert.Equal(0L, Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'approvals'"));

        await using var upgraded = _database.Open();

        Assert.Equal((long)Database.Schema.CurrentVersion, Scalar("SELECT version FROM schema_version"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM schema_version"));
        var verification = await new AuditVerifier(upgraded).VerifyAsync(Token);
        Assert.True(verification.IsIntact);
        Assert.Equal(written[^1].Hash, (await upgraded.GetHeadAsync(Token))!.Hash);
        var approvals = new SqliteApprovalStore(upgraded, TimeProvider.System);
        var id = (await approvals.CreateAsync(Draft(), Token)).Value!.Id;
        Assert.True((await approvals.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token)).Succeeded);
    }

    [Fact]
    public async Task Open_CurrentDatabaseTwice_LeavesSchemaUntouched()
    {
        await using (_database.Open())
        {
        }

        await using (_database.Open())
        {
            Assert.Equal((long)Database.Schema.CurrentVersion, Scalar("SELECT version FROM schema_version"));
            Assert.Equal(3L, Scalar("SELECT count(*) FROM sqlite_master WHERE name IN ('approvals', 'grants', 'reviews')"));
        }
    }

    private List<string> LaterTables()
    {
        using var raw = _database.OpenRaw();
        using var command = raw.CreateCommand();
        command.CommandText = """
            SELECT name FROM sqlite_master WHERE type = 'table'
            AND name NOT IN ('schema_version', 'audit_entries', 'audit_head', 'write_probe', 'api_keys')
            AND name NOT LIKE 'sqlite_%'
            """;
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private long Scalar(string sql)
    {
        using var raw = _database.OpenRaw();
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
