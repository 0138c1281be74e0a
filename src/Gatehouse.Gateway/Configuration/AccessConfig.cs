namespace Gatehouse.Gateway.Configuration;

/// <summary>Just-in-time access: which connections may be requested, and who reviews the requests.</summary>
/// <remarks>A connection that is not listed cannot be requested; the default lists none.</remarks>
public sealed record AccessConfig
{
    /// <summary>Gets the requestable connections by name (case-insensitive); empty by default.</summary>
    public IReadOnlyDictionary<string, AccessConnectionConfig> Connections { get; init; } =
        new Dictionary<string, AccessConnectionConfig>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the rules for requests to <paramref name="connection"/>, or null when it cannot be requested.</summary>
    public AccessConnectionConfig? For(string connection) => Connections.GetValueOrDefault(connection);
}
