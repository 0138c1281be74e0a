namespace Gatehouse.Audit.Retention;

/// <summary>A legal hold: while active, retention removes neither the bodies nor the records it covers.</summary>
/// <param name="Id">The hold's id (<c>hold-</c> and 16 hex digits).</param>
/// <param name="Target">Whether it holds an exchange or a user.</param>
/// <param name="Value">The exchange id, or the user's subject or e-mail.</param>
/// <param name="Reason">Why it was placed (a matter or case reference).</param>
/// <param name="CreatedBy">Who placed it.</param>
/// <param name="CreatedAt">When it was placed.</param>
/// <param name="ReleasedAt">When it was released, or null while active.</param>
/// <param name="ReleasedBy">Who released it, or null while active.</param>
public sealed record LegalHold(
    string Id,
    LegalHoldTarget Target,
    string Value,
    string Reason,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReleasedAt,
    string? ReleasedBy)
{
    /// <summary>Gets a value indicating whether the hold still blocks deletion.</summary>
    public bool IsActive => ReleasedAt is null;

    /// <summary>Returns a fresh hold id: <c>hold-</c> and 16 random hex digits.</summary>
    public static string NewId() => "hold-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
}
