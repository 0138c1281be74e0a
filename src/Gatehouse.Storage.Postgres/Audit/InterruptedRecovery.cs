using Gatehouse.Storage.Relational.Audit;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Closes every open intent of a writer that stopped while it was in flight, and none of a live writer's.</summary>
/// <remarks>
/// <para>
/// A writer is alive while its lease <c>writer:{writer_id}</c> is in force (see <c>LeaseNames.Writer</c>); a replica
/// starting beside it must not mark its in-flight exchanges interrupted. An intent whose writer holds no lease, or one
/// that lapsed, is closed: its process is gone (or predates leases), and nothing else would ever end it.
/// </para>
/// <para>
/// Replicas starting together would otherwise both find the same open intents and both close them. A recovery claims
/// the work first: it takes a transaction-scoped advisory lock (<see cref="LockKey"/>), then finds the open intents
/// (a statement that starts after the lock, so it sees every interruption a previous recovery committed) and appends
/// their interruptions in the same transaction. The second recovery waits for the first to commit and finds nothing.
/// A recovery that dies mid-way rolls back and releases the lock with its connection.
/// </para>
/// </remarks>
internal static class InterruptedRecovery
{
    /// <summary>The advisory lock key of interrupted-intent recovery ("gh-recov" as a big-endian 64-bit number).</summary>
    public const long LockKey = 0x67682D_7265636F76;

    private const string WriterNotAlive =
        "NOT EXISTS (SELECT 1 FROM leases l WHERE l.name = 'writer:' || i.writer_id AND l.expires_ticks > @now)";

    public static async Task<int> RecoverAsync(NpgsqlConnection connection, string writerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            using (var claim = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection, transaction))
            {
                await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var drafts = await OpenIntents.InterruptionsAsync(connection, transaction, now, WriterNotAlive, cancellationToken).ConfigureAwait(false);
            if (drafts.Count > 0)
            {
                await Appender.AppendInAsync(connection, transaction, writerId, drafts, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return drafts.Count;
        }
    }
}
