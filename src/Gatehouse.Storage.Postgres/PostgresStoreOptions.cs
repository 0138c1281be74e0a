namespace Gatehouse.Storage.Postgres;

/// <summary>Which PostgreSQL database the store uses, whether it migrates it, and which writer it is.</summary>
/// <remarks>The connection string carries a password: it is never logged, echoed or put into an error message.</remarks>
public sealed record PostgresStoreOptions
{
    /// <summary>Gets the Npgsql connection string.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Gets whether opening the store creates or upgrades its schema. Default true.</summary>
    /// <remarks>When false, a database whose schema is older than this release is refused (run <c>gatehouse migrate</c>).</remarks>
    public bool Migrate { get; init; } = true;

    /// <summary>
    /// Gets the id this process writes into every audit entry it appends (the column a replica's lease will refer to).
    /// Default: the host name and a random suffix, new for every process.
    /// </summary>
    public string WriterId { get; init; } = Gatehouse.Storage.Leases.WriterIdentity.ForThisProcess().Id;
}
