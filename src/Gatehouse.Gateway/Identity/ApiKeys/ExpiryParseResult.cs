namespace Gatehouse.Gateway.Identity.ApiKeys;

/// <summary>The outcome of parsing an <c>--expires</c> value.</summary>
/// <param name="Lifetime">How long the key lives; null when it never expires or when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the value is not a valid duration, phrased for the command line.</param>
internal sealed record ExpiryParseResult(TimeSpan? Lifetime, string? Error)
{
    /// <summary>Gets a value indicating whether the value parsed.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Gets when a key created at <paramref name="now"/> expires, or null for never.</summary>
    public DateTimeOffset? ExpiresAt(DateTimeOffset now) => Lifetime is { } lifetime ? now + lifetime : null;
}
