namespace Gatehouse.Audit.Store;

/// <summary>Filters for an exchange search; every filter set must match. Results come newest first.</summary>
/// <remarks>
/// The HTTP API and <c>gatehouse audit search</c> build the same query; <see cref="Validate"/> reports what a caller
/// got wrong, and a store refuses a query that does not validate.
/// </remarks>
public sealed record ExchangeQuery
{
    /// <summary>The default page size.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 500;

    /// <summary>Gets the caller to match, by subject or e-mail.</summary>
    public string? User { get; init; }

    /// <summary>Gets a group the caller held when the exchange was made.</summary>
    public string? Group { get; init; }

    /// <summary>Gets the connection name to match.</summary>
    public string? Connection { get; init; }

    /// <summary>Gets the model to match, requested or answering.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the decision to match (<c>allow</c>, <c>deny</c>, <c>hold</c>, ...).</summary>
    public string? Decision { get; init; }

    /// <summary>Gets a policy rule that decided the exchange.</summary>
    public string? Rule { get; init; }

    /// <summary>Gets a category of a masking finding in the request or the response (<c>secret</c>, <c>pii</c>, <c>internal</c>).</summary>
    public string? FindingCategory { get; init; }

    /// <summary>Gets the status code sent to the client.</summary>
    public int? Status { get; init; }

    /// <summary>Gets the earliest intent time to include (inclusive).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the latest intent time to include (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>
    /// Gets words or quoted phrases that must each appear in the masked prompt or response; see <see cref="SearchText"/>.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>
    /// Gets the principal names (see <see cref="Records.AuditIdentity.Principals"/>) of the only requester whose
    /// exchanges may be returned, or null for everyone's: how a caller without a reading role is kept to their own
    /// records. Never the bare subject, which another trusted issuer may mint for someone else.
    /// </summary>
    public IReadOnlyList<string>? Requester { get; init; }

    /// <summary>Gets the page size, 1 to <see cref="MaxLimit"/>; the default is <see cref="DefaultLimit"/>.</summary>
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Gets the keyset cursor: only exchanges whose intent sequence is below it (from a previous page).</summary>
    public long? Before { get; init; }

    /// <summary>Returns what is wrong with the query, each as a sentence naming the filter; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Limit is < 1 or > MaxLimit)
        {
            errors.Add($"limit must be from 1 to {MaxLimit}");
        }

        if (From is { } from && To is { } to && to <= from)
        {
            errors.Add("the end of the time range must be after its start");
        }

        if (Text is not null && !SearchText.TryParse(Text, out _, out var textError))
        {
            errors.Add(textError);
        }

        if (Before is <= 0)
        {
            errors.Add("the cursor is not one a previous page returned");
        }

        return errors;
    }
}
