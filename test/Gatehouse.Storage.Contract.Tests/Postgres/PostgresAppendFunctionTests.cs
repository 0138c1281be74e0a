using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Contract.Tests.Audit;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Postgres;
using Gatehouse.Storage.Postgres.Audit;
using Npgsql;

namespace Gatehouse.Storage.Contract.Tests.Postgres;

/// <summary>
/// The append function of schema step 10 (<c>gatehouse_audit_append</c>): the client's check of the hashes it returns,
/// a failed call that leaves the pooled connection usable, and a store of schema 9 that opens and migrates.
/// </summary>
public sealed class PostgresAppendFunctionTests : IAsyncDisposable
{
    private PostgresProvider? _provider;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private PostgresProvider Provider => _provider ??= new PostgresProvider();

    [Fact]
    public async Task Append_ServerEncodingDiffersFromTheEncoder_FailsAsCorrupt()
    {
        var store = await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = Provider.ConnectionString }, Token);
        await store.AppendAsync(Exchanges.Pair("ex-1"), Token);
        byte[] wrongPrefix = [.. AuditChain.EncodingPrefix];
        wrongPrefix[^1] ^= 1;

        await using var connection = new NpgsqlConnection(Provider.ConnectionString);
        await connection.OpenAsync(Token);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => Appender.AppendAsync(connection, "test", Exchanges.Pair("ex-2"), wrongPrefix, Token));

        Assert.Equal(StoreFailure.Corrupt, error.Failure);
        // The same call with the encoder's prefix is accepted: only the drift was refused.
        var entries = await Appender.AppendAsync(connection, "test", Exchanges.Pair("ex-3"), [.. AuditChain.EncodingPrefix], Token);
        Assert.Equal([5L, 6], entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Append_FunctionRaises_NothingWrittenAndTheConnectionAppendsAgain()
    {
        // One pooled connection, so the append after the failure runs on the connection the failed batch left.
        var connectionString = new NpgsqlConnectionStringBuilder(Provider.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        var store = await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = connectionString }, Token);
        await store.AppendAsync(Exchanges.Pair("ex-1"), Token);
        await Provider.ExecuteAsync("ALTER TABLE audit_entries ADD CONSTRAINT no_ex2 CHECK (exchange_id <> 'ex-2')", Token);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AppendAsync(Exchanges.Pair("ex-2"), Token));
        Assert.NotEqual(StoreFailure.Corrupt, error.Failure);
        Assert.Equal(2, await Provider.CountAsync("audit_entries", Token));
        Assert.Equal(2L, (await store.GetHeadAsync(Token))!.Sequence);

        await Provider.ExecuteAsync("ALTER TABLE audit_entries DROP CONSTRAINT no_ex2", Token);
        var entries = await store.AppendAsync(Exchanges.Pair("ex-3"), Token);

        Assert.Equal([3L, 4], entries.Select(e => e.Sequence));
        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public async Task Open_StoreOfSchema9_MigratesToTheCurrentStepAndAppendsContinueTheChain()
    {
        var old = await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = Provider.ConnectionString }, Token);
        await old.AppendAsync([.. Exchanges.Pair("ex-1"), .. Exchanges.Pair("ex-2")], Token);
        // Step 10 adds only the function, step 11 only the (empty) key ring table and step 12 only its function, so
        // removing them and their version rows leaves exactly a schema 9 database (whose rows the previous release wrote as this one does: the contract
        // suite holds both to the same bytes).
        await Provider.ExecuteAsync("DROP TABLE key_ring; DROP FUNCTION gatehouse_audit_append_v12; DROP FUNCTION gatehouse_audit_append; DELETE FROM gatehouse_schema WHERE version >= 10", Token);
        Assert.Equal(9, await Provider.ScalarAsync("SELECT max(version) FROM gatehouse_schema", Token));

        var reopened = await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = Provider.ConnectionString }, Token);
        var entries = await reopened.AppendAsync(Exchanges.Pair("ex-3"), Token);

        Assert.Equal(12, await Provider.ScalarAsync("SELECT max(version) FROM gatehouse_schema", Token));
        Assert.Equal([5L, 6], entries.Select(e => e.Sequence));
        Assert.True((await new AuditVerifier(reopened).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public async Task Open_MigrationsDisabledOnSchema9_RefusedWithTheVerbToRun()
    {
        await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = Provider.ConnectionString }, Token);
        await Provider.ExecuteAsync("DROP TABLE key_ring; DROP FUNCTION gatehouse_audit_append_v12; DROP FUNCTION gatehouse_audit_append; DELETE FROM gatehouse_schema WHERE version >= 10", Token);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Provider.OpenPostgresAsync(
            new PostgresStoreOptions { ConnectionString = Provider.ConnectionString, Migrate = false }, Token));

        Assert.Contains("gatehouse migrate", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
