using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Contract.Tests.Audit;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Postgres;
using Gatehouse.Storage.Postgres.Database;
using Npgsql;

namespace Gatehouse.Storage.Contract.Tests.Postgres;

/// <summary>
/// A pooled connection is reused without Npgsql's reset (<c>DISCARD ALL</c>), which would discard the session's cached
/// plans (the append function's statements re-planned on every batch); what must not leak between uses still does not.
/// </summary>
public sealed class PostgresPooledSessionTests : IAsyncDisposable
{
    private PostgresProvider? _provider;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private PostgresProvider Provider => _provider ??= new PostgresProvider();

    private string OneConnection => new NpgsqlConnectionStringBuilder(Provider.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;

    [Fact]
    public async Task PooledConnection_ReusedByTheStore_KeepsItsSession()
    {
        await Provider.CreateSchemaAsync(Token);
        await using var database = PostgresDatabase.Create(new PostgresStoreOptions { ConnectionString = OneConnection });
        var first = await database.RunAsync((c, ct) => ScalarAsync(c, "SELECT set_config('gatehouse.probe', 'kept', false) || pg_backend_pid()", ct), Token);

        var second = await database.RunAsync((c, ct) => ScalarAsync(c, "SELECT current_setting('gatehouse.probe', true) || pg_backend_pid()", ct), Token);

        // The same backend, and the session setting made by the first use is still there: nothing reset it.
        Assert.StartsWith("kept", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task PooledConnection_ReturnedInsideATransaction_IsRolledBackBeforeTheNextAppend()
    {
        var store = await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = OneConnection }, Token);
        await store.AppendAsync(Exchanges.Pair("ex-1"), Token);
        await using (var database = PostgresDatabase.Create(new PostgresStoreOptions { ConnectionString = OneConnection }))
        {
            // A use that leaves its transaction open, holding the head lock, on the one pooled connection.
            await database.RunAsync(
                (c, ct) => ScalarAsync(c, "BEGIN; SELECT seq::text FROM audit_head WHERE id = 1 FOR UPDATE", ct), Token);
            var after = await database.RunAsync((c, ct) => ScalarAsync(c, "SELECT txid_current_if_assigned() IS NULL", ct), Token);
            Assert.Equal("True", after);
        }

        var entries = await store.AppendAsync(Exchanges.Pair("ex-2"), Token);

        Assert.Equal([3L, 4], entries.Select(e => e.Sequence));
        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
