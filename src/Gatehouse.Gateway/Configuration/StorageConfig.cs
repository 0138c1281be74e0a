namespace Gatehouse.Gateway.Configuration;

/// <summary>Where state lives.</summary>
public sealed record StorageConfig
{
    /// <summary>Gets the SQLite database file; the default is <c>./.gatehouse/gatehouse.db</c>.</summary>
    public string Sqlite { get; init; } = Path.Combine(".gatehouse", "gatehouse.db");
}
