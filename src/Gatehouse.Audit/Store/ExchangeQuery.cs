namespace Gatehouse.Audit.Store;

/// <summary>Filters for an exchange search; every filter set must match. Results come newest first.</summary>
public sealed record ExchangeQuery
{
    /// <summary>Gets the caller to match, by subject or e-mail.</summary>
    public string? User { get; init; }

    /// <summary>Gets the connection name to match.</summary>
    public string? Connection { get; init; }

    /// <summary>Gets the model to match, requested or answering.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the earliest intent time to include (inclusive).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the latest intent time to include (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Gets a substring the prompt or the response must contain (ASCII case-insensitive).</summary>
    public string? Text { get; init; }

    /// <summary>Gets the page size; the default is 50.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Gets the keyset cursor: only exchanges whose intent sequence is below it (from a previous page).</summary>
    public long? Before { get; init; }
}
