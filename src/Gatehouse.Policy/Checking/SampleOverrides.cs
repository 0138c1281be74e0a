namespace Gatehouse.Policy.Checking;

/// <summary>Command-line overrides applied on top of a sample request (<c>--user</c>, <c>--groups</c>).</summary>
public sealed record SampleOverrides
{
    /// <summary>Gets the subject to use instead of the sample's <c>user</c>, or <see langword="null"/>.</summary>
    public string? User { get; init; }

    /// <summary>Gets the groups to use instead of the sample's <c>groups</c>, or <see langword="null"/>.</summary>
    public IReadOnlyList<string>? Groups { get; init; }
}
