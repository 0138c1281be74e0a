using Npgsql;

namespace Gatehouse.Storage.Postgres.Database;

/// <summary>The pooled connections of one store, and the one place Npgsql's failures become store failures.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;
    private int _disposed;

    private PostgresDatabase(NpgsqlDataSource source, string writerId)
    {
        _source = source;
        WriterId = writerId;
    }

    /// <summary>Gets the id written into every entry this store appends.</summary>
    public string WriterId { get; }

    /// <summary>Gets where the database is, for people: host, port and database name, never the password.</summary>
    public string Location { get; private init; } = "";

    /// <summary>Prepares the pooled connections without connecting; the schema is left to <see cref="Migrations"/>.</summary>
    public static PostgresDatabase Create(PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
            var settings = builder.ConnectionStringBuilder;

            // The store keeps no session state on a pooled connection (settings are SET LOCAL, advisory locks are
            // transaction-scoped, an open transaction is still rolled back on return), so Npgsql's reset on reuse
            // (DISCARD ALL) is pure cost: a statement per use, and it discards the session's cached plans, so every
            // audit batch re-planned the append function's statements.
            settings.NoResetOnClose = true;
            var location = $"{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username}";
            return new PostgresDatabase(builder.Build(), options.WriterId) { Location = location };
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the string; the inner exception is dropped on purpose.
            throw new StoreUnavailableException("the PostgreSQL connection string is not valid");
        }
    }

    /// <summary>Connects, and creates or upgrades the schema when <see cref="PostgresStoreOptions.Migrate"/> is set.</summary>
    public static async Task<PostgresDatabase> OpenAsync(PostgresStoreOptions options, CancellationToken cancellationToken)
    {
        var database = Create(options);
        try
        {
            await database.RunAsync((c, ct) => Migrations.ApplyAsync(c, options.Migrate, ct), cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pooled connection; a database failure surfaces as <see cref="StoreUnavailableException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await work(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (PostgresFailures.IsStoreError(error))
        {
            throw PostgresFailures.ToUnavailable(error);
        }
    }

    /// <summary>Opens a connection the caller disposes (for streaming reads).</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (PostgresFailures.IsStoreError(error))
        {
            throw PostgresFailures.ToUnavailable(error);
        }
    }

    /// <summary>Opens a connection synchronously, for the few callers whose interface is synchronous (the console's key ring).</summary>
    public NpgsqlConnection OpenConnection()
    {
        try
        {
            return _source.OpenConnection();
        }
        catch (Exception error) when (PostgresFailures.IsStoreError(error))
        {
            throw PostgresFailures.ToUnavailable(error);
        }
    }

    /// <remarks>Idempotent: the container disposes the store once for each interface it was resolved as.</remarks>
    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 1 ? ValueTask.CompletedTask : _source.DisposeAsync();
}
