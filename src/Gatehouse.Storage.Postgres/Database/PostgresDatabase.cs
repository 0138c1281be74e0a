using Npgsql;

namespace Gatehouse.Storage.Postgres.Database;

/// <summary>The pooled connections of one store, and the one place Npgsql's failures become store failures.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;

    private PostgresDatabase(NpgsqlDataSource source, string writerId)
    {
        _source = source;
        WriterId = writerId;
    }

    /// <summary>Gets the id written into every entry this store appends.</summary>
    public string WriterId { get; }

    /// <summary>Connects, and creates or upgrades the schema when <see cref="PostgresStoreOptions.Migrate"/> is set.</summary>
    public static async Task<PostgresDatabase> OpenAsync(PostgresStoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        NpgsqlDataSource source;
        try
        {
            source = new NpgsqlDataSourceBuilder(options.ConnectionString).Build();
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the string; the inner exception is dropped on purpose.
            throw new StoreUnavailableException("the PostgreSQL connection string is not valid");
        }

        var database = new PostgresDatabase(source, options.WriterId);
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

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
