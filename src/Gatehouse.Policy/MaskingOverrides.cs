namespace Gatehouse.Policy;

/// <summary>Overrides the connection's masking mode per direction; <see langword="null"/> keeps the connection's own.</summary>
/// <param name="Request">The mode for the request, or <see langword="null"/> to keep the connection's.</param>
/// <param name="Response">The mode for the response, or <see langword="null"/> to keep the connection's.</param>
public sealed record MaskingOverrides(MaskingMode? Request, MaskingMode? Response)
{
    /// <summary>Gets the overrides that change nothing.</summary>
    public static MaskingOverrides None { get; } = new(null, null);

    /// <summary>Combines two overrides, keeping the stricter mode per direction.</summary>
    /// <param name="other">The overrides of a later matching rule.</param>
    /// <returns>The per-direction stricter of the two.</returns>
    public MaskingOverrides CombineStricter(MaskingOverrides other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new MaskingOverrides(Stricter(Request, other.Request), Stricter(Response, other.Response));
    }

    private static MaskingMode? Stricter(MaskingMode? a, MaskingMode? b) =>
        a is null ? b : b is null ? a : (MaskingMode)Math.Max((int)a.Value, (int)b.Value);
}
