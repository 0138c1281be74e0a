namespace Gatehouse.Audit.Chain;

/// <summary>The searchable columns of an entry, copied out of its payload so a store can index them.</summary>
/// <remarks>They are covered by the entry hash like every other stored field, so editing one is detected.</remarks>
public sealed record AuditIndex
{
    /// <summary>An index with every column empty.</summary>
    public static readonly AuditIndex Empty = new();

    /// <summary>Gets the caller's subject.</summary>
    public string? Subject { get; init; }

    /// <summary>Gets the caller's e-mail.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the connection name.</summary>
    public string? Connection { get; init; }

    /// <summary>Gets the model (requested on an intent, answering on an outcome).</summary>
    public string? Model { get; init; }

    /// <summary>Gets the status code sent to the client.</summary>
    public int? Status { get; init; }

    /// <summary>Gets the decision taken (<c>allow</c>, <c>deny</c>, ...).</summary>
    public string? Decision { get; init; }
}
