namespace Gatehouse.Gateway.Configuration;

/// <summary>Where state lives: the embedded SQLite file (the default) or a PostgreSQL database shared by replicas.</summary>
public sealed record StorageConfig
{
    /// <summary>Gets the SQLite database file; the default is <c>./.gatehouse/gatehouse.db</c>. Unused when <see cref="Postgres"/> is set.</summary>
    public string Sqlite { get; init; } = Path.Combine(".gatehouse", "gatehouse.db");

    /// <summary>Gets the PostgreSQL database (<c>storage.postgres</c>); null, the default, for the embedded SQLite file.</summary>
    public PostgresStorageConfig? Postgres { get; init; }

    /// <summary>Gets how long a write waits for a lock held by another process before it fails; the default is 5 seconds.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the replicas' lease timing (<c>storage.leases</c>); used by every provider, one replica or many.</summary>
    public LeaseConfig Leases { get; init; } = new();

    /// <summary>Gets whether start-up migrates an out-of-date schema; the embedded file always does.</summary>
    public bool MigrateOnStart => Postgres?.Migrate ?? true;

    /// <summary>Gets the configuration key of the provider in use, for messages: <c>storage.sqlite</c> or <c>storage.postgres</c>.</summary>
    public string ProviderKey => Postgres is null ? "storage.sqlite" : "storage.postgres";
}
