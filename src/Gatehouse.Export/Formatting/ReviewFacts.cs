namespace Gatehouse.Export.Formatting;

/// <summary>An approval or grant event (<c>approval.*</c>, <c>grant.*</c>) as the exporter reads it from the payload.</summary>
internal sealed record ReviewFacts(string Event, string? Id, string? ExchangeId, string? Connection, string? Requester, string? Reviewer, string? Decision)
{
    /// <summary>Gets the part after the dot: <c>requested</c>, <c>reviewed</c>, <c>approved</c>, <c>released</c>...</summary>
    public string Action => Event[(Event.IndexOf('.', StringComparison.Ordinal) + 1)..];

    /// <summary>Gets <c>approval</c> or <c>grant</c>.</summary>
    public string Target => Event[..Math.Max(0, Event.IndexOf('.', StringComparison.Ordinal))];
}
