using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// <c>gatehouse migrate</c> on the embedded store: a file of an earlier schema (made here from that schema's DDL) is
/// reported by a dry run, upgraded in place with its rows kept, and then verifies; today's file is left as it is.
/// </summary>
public sealed class MigrateCommandTests : IDisposable
{
    // Schema version 1 as the first release wrote it (Schema.Version1), with one API key in it.
    private const string Version1 = """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        CREATE TABLE audit_entries (
            seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, exchange_id TEXT NOT NULL, time_ticks INTEGER NOT NULL,
            subject TEXT, email TEXT, connection TEXT, model TEXT, status INTEGER, decision TEXT,
            payload BLOB NOT NULL, body BLOB, body_hash BLOB, prev_hash BLOB NOT NULL, hash BLOB NOT NULL);
        CREATE INDEX ix_audit_exchange ON audit_entries (exchange_id, kind);
        CREATE INDEX ix_audit_subject ON audit_entries (subject) WHERE kind = 'exchange.intent';
        CREATE INDEX ix_audit_email ON audit_entries (email) WHERE kind = 'exchange.intent';
        CREATE INDEX ix_audit_connection ON audit_entries (connection, seq) WHERE kind = 'exchange.intent';
        CREATE INDEX ix_audit_time ON audit_entries (time_ticks) WHERE kind = 'exchange.intent';
        CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash BLOB NOT NULL);
        CREATE TABLE write_probe (id INTEGER PRIMARY KEY);
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, groups TEXT NOT NULL, secret_hash BLOB NOT NULL,
            created_ticks INTEGER NOT NULL, expires_ticks INTEGER, revoked_ticks INTEGER);
        INSERT INTO schema_version (version) VALUES (1);
        INSERT INTO api_keys (id, name, groups, secret_hash, created_ticks) VALUES ('k1', 'legacy-bot', '["dev"]', x'00112233', 638700000000000000);
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-migrate-").FullName;

    private string Db => Path.Combine(_directory, "gatehouse.db");

    // The version this release writes, as the store reports it (schema steps are added by other changes too).
    private int Current => new ServiceCollection().AddSqliteStore(new SqliteStoreOptions { Path = Db })
        .BuildServiceProvider().GetRequiredService<Gatehouse.Storage.Schema.IStoreSchema>().CurrentVersion;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Migrate_FileOfTheFirstSchema_DryRunChangesNothingThenUpgradesKeepingItsRows()
    {
        Execute(Version1);

        var dry = await GatehouseProcess.RunAsync(_directory, "migrate", "--db", Db, "--dry-run");
        var versionAfterDryRun = ReadVersion();
        var applied = await GatehouseProcess.RunAsync(_directory, "migrate", "--db", Db);
        var again = await GatehouseProcess.RunAsync(_directory, "migrate", "--db", Db);
        var keys = await GatehouseProcess.RunAsync(_directory, "keys", "list", "--db", Db, "--json");
        var verify = await GatehouseProcess.RunAsync(_directory, "audit", "verify", "--db", Db);

        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Contains($"store: {Db} (storage.sqlite)", dry.Output, StringComparison.Ordinal);
        Assert.Contains($"would upgrade it from 1 to {Current}", dry.Output, StringComparison.Ordinal);
        Assert.Equal(1, versionAfterDryRun);
        Assert.True(applied.ExitCode == 0, applied.Error);
        Assert.Contains($"schema: migrated from version 1 to {Current}", applied.Output, StringComparison.Ordinal);
        Assert.Equal(Current, ReadVersion());
        Assert.Contains($"schema: version {Current}, up to date", again.Output, StringComparison.Ordinal);
        Assert.True(keys.ExitCode == 0, keys.Error);
        Assert.Contains("\"legacy-bot\"", keys.Output, StringComparison.Ordinal);

        // The upgrade sealed the key it found, so the rows verify against the chain.
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains("rows: intact. 1 API key", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_FileMadeByThisRelease_UpToDateAndItsLogStillVerifies()
    {
        await using (var store = SqliteStore.Open(Db))
        {
            var key = new ApiKeyRecord
            {
                Id = "k2", Name = "today-bot", Groups = ["dev"], SecretHash = [1, 2, 3], CreatedAt = DateTimeOffset.UnixEpoch.AddYears(56), Owner = "ops@example.com",
            };
            Assert.True(await store.CreateAsync(key, CancellationToken.None));
        }

        SqliteConnection.ClearAllPools();
        var migrated = await GatehouseProcess.RunAsync(_directory, "migrate", "--db", Db);
        var verify = await GatehouseProcess.RunAsync(_directory, "audit", "verify", "--db", Db);

        Assert.True(migrated.ExitCode == 0, migrated.Error);
        Assert.Contains($"schema: version {Current}, up to date; nothing to do", migrated.Output, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains("audit: intact. 1 entries", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_FileOfANewerRelease_RefusedAndLeftAlone()
    {
        Execute(Version1 + "UPDATE schema_version SET version = 99;");

        var result = await GatehouseCommand.RunAsync("migrate", "--db", Db);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"newer than this release's {Current}", result.Error, StringComparison.Ordinal);
        Assert.Equal(99, ReadVersion());
    }

    [Fact]
    public async Task Help_SaysWhatItDoesAndItsExitCodes()
    {
        var result = await GatehouseCommand.RunAsync("migrate", "--help");

        Assert.Contains("--dry-run", result.Output, StringComparison.Ordinal);
        Assert.Contains("storage.postgres.migrate is off", result.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", result.Output, StringComparison.Ordinal);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long ReadVersion()
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(version) FROM schema_version";
        return (long)command.ExecuteScalar()!;
    }
}
