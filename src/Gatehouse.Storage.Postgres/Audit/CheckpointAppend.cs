using Gatehouse.Audit.Checkpoints;
using Gatehouse.Storage.Relational.Audit;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Stores a checkpoint unless its tree size is checkpointed already, atomically across replicas.</summary>
/// <remarks>
/// Each append locks <c>audit_checkpoints</c> in <c>SHARE ROW EXCLUSIVE</c> mode (which conflicts with itself and with
/// inserts, not with readers) before its insert, in one transaction: two signers never both find a tree size new, and
/// the insert's statement starts after the lock, so it sees the checkpoint a signer before it committed. Checkpoints
/// are a few a minute at most, so the lock costs nothing worth measuring. The fenced append also locks the lease row
/// (<c>FOR SHARE</c>), so a takeover waits for an in-flight checkpoint to commit rather than racing it.
/// </remarks>
internal static class CheckpointAppend
{
    private const string LockSql = "LOCK TABLE audit_checkpoints IN SHARE ROW EXCLUSIVE MODE";

    public static async Task<bool> AppendAsync(
        NpgsqlConnection connection, Checkpoint checkpoint, CheckpointFence? fence, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            using (var lockTable = new NpgsqlCommand(LockSql, connection, transaction))
            {
                await lockTable.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var stored = fence is null
                ? await CheckpointTable.AppendAsync(connection, transaction, checkpoint, cancellationToken).ConfigureAwait(false)
                : await CheckpointTable.AppendFencedAsync(connection, transaction, checkpoint, fence, "FOR SHARE", cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }
}
