namespace Gatehouse.Audit.Benchmarks;

/// <summary>The store provider a throughput run appends to.</summary>
internal enum BenchProvider
{
    /// <summary>The embedded store: a SQLite file in a temporary folder.</summary>
    Sqlite,

    /// <summary>PostgreSQL: a fresh schema on the server named by <see cref="BenchStore.PostgresVariable"/>, dropped afterwards.</summary>
    Postgres,
}
