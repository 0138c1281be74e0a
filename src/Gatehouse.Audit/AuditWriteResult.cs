namespace Gatehouse.Audit;

/// <summary>The outcome of an audit append: durable at a sequence number, or a failure with its reason.</summary>
public readonly record struct AuditWriteResult(long Sequence, string? Error)
{
    /// <summary>Gets a value indicating whether the entry is durable.</summary>
    public bool Success => Error is null;

    /// <summary>Creates a result for an entry committed at <paramref name="sequence"/>.</summary>
    public static AuditWriteResult Committed(long sequence) => new(sequence, null);

    /// <summary>Creates a failed result; the reason names no content.</summary>
    public static AuditWriteResult Failed(string error) => new(0, error);
}
