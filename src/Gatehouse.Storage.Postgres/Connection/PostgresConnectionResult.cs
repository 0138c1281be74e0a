namespace Gatehouse.Storage.Postgres.Connection;

/// <summary>The resolved connection string, or every reason it could not be resolved.</summary>
/// <param name="ConnectionString">The connection string; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">What is wrong, each naming the setting to fix and never the connection string's text.</param>
public sealed record PostgresConnectionResult(string? ConnectionString, IReadOnlyList<string> Errors)
{
    /// <summary>Gets whether a connection string was resolved.</summary>
    public bool IsResolved => ConnectionString is not null && Errors.Count == 0;
}
