using System.Data.Common;
using Gatehouse.Storage.Relational.Retention;

namespace Gatehouse.Storage.Sqlite.Retention;

/// <summary>What the embedded store keeps beside retained entries: the full-text index and tags, and the body parts.</summary>
internal sealed class SqliteRetentionPurge : IRetentionPurge
{
    public static readonly SqliteRetentionPurge Instance = new();

    public async Task<long> PurgeAsync(DbCommand ids, bool records, CancellationToken cancellationToken)
    {
        await RetentionSearchPurge.PurgeAsync(ids, records, cancellationToken).ConfigureAwait(false);
        return await RetentionPartPurge.PurgeAsync(ids, cancellationToken).ConfigureAwait(false);
    }
}
