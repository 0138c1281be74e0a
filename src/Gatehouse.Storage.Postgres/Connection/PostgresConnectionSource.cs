namespace Gatehouse.Storage.Postgres.Connection;

/// <summary>Where the connection string comes from: exactly one of the string itself, an environment variable, or a file.</summary>
/// <remarks>The string carries a password: the environment variable or a mounted secret file keep it out of configuration files.</remarks>
public sealed record PostgresConnectionSource
{
    /// <summary>Gets the connection string given inline.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Gets the name of the environment variable that holds the connection string.</summary>
    public string? Env { get; init; }

    /// <summary>Gets the path of a file that holds the connection string (surrounding white space ignored).</summary>
    public string? File { get; init; }
}
