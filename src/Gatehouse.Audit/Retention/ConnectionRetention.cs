namespace Gatehouse.Audit.Retention;

/// <summary>How long one connection's bodies and records are kept; null keeps them forever.</summary>
/// <param name="Connection">The connection name.</param>
/// <param name="Bodies">How long prompt and response bodies are kept, or null for ever.</param>
/// <param name="Records">How long records are kept before they become tombstones, or null for ever.</param>
public sealed record ConnectionRetention(string Connection, TimeSpan? Bodies, TimeSpan? Records);
