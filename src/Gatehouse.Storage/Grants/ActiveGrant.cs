namespace Gatehouse.Storage.Grants;

/// <summary>A connection someone holds approved, unrevoked access to, and when that access ends on its own.</summary>
/// <param name="Connection">The connection's name.</param>
/// <param name="EndsAt">When the access ends: its approval plus its duration.</param>
public sealed record ActiveGrant(string Connection, DateTimeOffset EndsAt);
