namespace Gatehouse.Audit.Retention;

/// <summary>Keeps legal holds; each change is written to the audit log in the same transaction.</summary>
public interface ILegalHoldStore
{
    /// <summary>Stores <paramref name="hold"/> (active) and appends its <see cref="RetentionEntryKinds.HoldPlaced"/> entry.</summary>
    Task PlaceHoldAsync(LegalHold hold, CancellationToken cancellationToken);

    /// <summary>
    /// Releases the active hold <paramref name="id"/> and appends its <see cref="RetentionEntryKinds.HoldReleased"/>
    /// entry; returns the released hold, or null when no active hold has this id.
    /// </summary>
    Task<LegalHold?> ReleaseHoldAsync(string id, string releasedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Returns the holds, oldest first; released ones only when <paramref name="includeReleased"/>.</summary>
    Task<IReadOnlyList<LegalHold>> ListHoldsAsync(bool includeReleased, CancellationToken cancellationToken);
}
