using System.Data.Common;

namespace Gatehouse.Storage.Relational.Retention;

/// <summary>
/// A provider's removal of what it keeps beside the entries of exchanges retention changes (search text, tags, body
/// parts), inside retention's transaction and before the entries change.
/// </summary>
internal interface IRetentionPurge
{
    /// <summary>
    /// Purges what the exchanges bound to <c>@ids</c> keep beside their entries (their records too when
    /// <paramref name="records"/>); returns how many of their entries had a body in parts.
    /// </summary>
    Task<long> PurgeAsync(DbCommand ids, bool records, CancellationToken cancellationToken);
}
