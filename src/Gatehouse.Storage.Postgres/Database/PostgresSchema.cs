using Gatehouse.Storage.Schema;

namespace Gatehouse.Storage.Postgres.Database;

/// <summary>The PostgreSQL database's schema: its version, and the migrations that bring it to this release's.</summary>
internal sealed class PostgresSchema(PostgresDatabase database) : IStoreSchema
{
    /// <inheritdoc />
    public int CurrentVersion => Migrations.CurrentVersion;

    /// <inheritdoc />
    public string Location => database.Location;

    /// <inheritdoc />
    public Task<int> ReadVersionAsync(CancellationToken cancellationToken) =>
        database.RunAsync(Migrations.ReadVersionAsync, cancellationToken);

    /// <inheritdoc />
    public async Task<SchemaMigration> MigrateAsync(CancellationToken cancellationToken)
    {
        var from = await database.RunAsync((c, ct) => Migrations.ApplyAsync(c, migrate: true, ct), cancellationToken).ConfigureAwait(false);
        return new SchemaMigration(from, CurrentVersion);
    }
}
