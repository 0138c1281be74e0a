namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// <c>storage.postgres</c>: where the connection string comes from (exactly one of the string, an environment
/// variable, or a file) and whether start-up migrates the schema.
/// </summary>
/// <remarks>
/// The string is resolved and checked when the store is registered, by the provider; it carries a password, so this
/// record's text never shows it.
/// </remarks>
public sealed record PostgresStorageConfig
{
    /// <summary>Gets the connection string written in the configuration; prefer <see cref="Env"/> or <see cref="File"/>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Gets the name of the environment variable holding the connection string.</summary>
    public string? Env { get; init; }

    /// <summary>Gets the path of a file holding the connection string (a mounted secret).</summary>
    public string? File { get; init; }

    /// <summary>Gets whether start-up migrates an out-of-date schema (<c>migrate: auto</c>, the default) or refuses (<c>off</c>).</summary>
    public bool Migrate { get; init; } = true;

    /// <inheritdoc />
    public override string ToString() =>
        $"PostgresStorageConfig {{ ConnectionString = {(ConnectionString is null ? "" : "(hidden)")}, Env = {Env}, File = {File}, Migrate = {Migrate} }}";
}
