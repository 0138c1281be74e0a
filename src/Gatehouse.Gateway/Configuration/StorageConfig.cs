namespace Gatehouse.Gateway.Configuration;

/// <summary>Where state lives.</summary>
public sealed record StorageConfig
{
    /// <summary>Gets the SQLite database file; the default is <c>./.gatehouse/gatehouse.db</c>.</summary>
    public string Sqlite { get; init; } = Path.Combine(".gatehouse", "gatehouse.db");

    /// <summary>Gets how long a write waits for a lock held by another process before it fails; the default is 5 seconds.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
