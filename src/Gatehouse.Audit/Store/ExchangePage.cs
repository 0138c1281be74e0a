using Gatehouse.Audit.Records;

namespace Gatehouse.Audit.Store;

/// <summary>A page of search results, newest first.</summary>
/// <param name="Items">The exchanges on this page.</param>
/// <param name="NextBefore">The cursor for the next page (<see cref="ExchangeQuery.Before"/>), or null on the last page.</param>
public sealed record ExchangePage(IReadOnlyList<ExchangeRecord> Items, long? NextBefore)
{
    /// <summary>Gets <see cref="NextBefore"/> as the opaque cursor clients pass back, or null on the last page.</summary>
    public string? NextCursor => NextBefore is { } before ? ExchangeCursor.Encode(before) : null;
}
