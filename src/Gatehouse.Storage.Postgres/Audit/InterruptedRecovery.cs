using Gatehouse.Storage.Relational.Audit;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Closes every open intent of a writer that stopped while it was in flight, and none of a live writer's.</summary>
/// <remarks>
/// A writer is alive while its lease <c>writer:{writer_id}</c> is in force (see <c>LeaseNames.Writer</c>); a replica
/// starting beside it must not mark its in-flight exchanges interrupted. An intent whose writer holds no lease, or one
/// that lapsed, is closed: its process is gone (or predates leases), and nothing else would ever end it.
/// </remarks>
internal static class InterruptedRecovery
{
    private const string WriterNotAlive =
        "NOT EXISTS (SELECT 1 FROM leases l WHERE l.name = 'writer:' || i.writer_id AND l.expires_ticks > @now)";

    public static async Task<int> RecoverAsync(NpgsqlConnection connection, string writerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var drafts = await OpenIntents.InterruptionsAsync(connection, now, WriterNotAlive, cancellationToken).ConfigureAwait(false);
        await Appender.AppendAsync(connection, writerId, drafts, cancellationToken).ConfigureAwait(false);
        return drafts.Count;
    }
}
