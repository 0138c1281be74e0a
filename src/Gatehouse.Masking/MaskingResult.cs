namespace Gatehouse.Masking;

/// <summary>The outcome of masking one text: the masked text, or <see cref="Unchanged"/> when nothing was found.</summary>
public sealed class MaskingResult
{
    /// <summary>The result for a text in which nothing was found (shared; allocates nothing).</summary>
    public static MaskingResult Unchanged { get; } = new(null, []);

    internal MaskingResult(string? maskedText, IReadOnlyList<Finding> findings)
    {
        MaskedText = maskedText;
        Findings = findings;
    }

    /// <summary>Whether anything was masked.</summary>
    public bool IsChanged => MaskedText is not null;

    /// <summary>The masked text; null when <see cref="IsChanged"/> is false (use the original).</summary>
    public string? MaskedText { get; }

    /// <summary>What was found, in order of offset.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The masked text, or <paramref name="original"/> when nothing was masked.</summary>
    public string TextOr(string original) => MaskedText ?? original;

    /// <inheritdoc/>
    public override string ToString() => $"MaskingResult {{ IsChanged = {IsChanged}, Findings = {Findings.Count} }}";
}
