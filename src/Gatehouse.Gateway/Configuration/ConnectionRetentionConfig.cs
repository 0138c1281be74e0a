namespace Gatehouse.Gateway.Configuration;

/// <summary>One connection's retention; a period left unset takes <c>audit.retention</c>'s.</summary>
public sealed record ConnectionRetentionConfig
{
    /// <summary>Gets how long the connection's bodies are kept, or null for the default.</summary>
    public RetentionPeriod? Bodies { get; init; }

    /// <summary>Gets how long the connection's records are kept, or null for the default.</summary>
    public RetentionPeriod? Records { get; init; }
}
