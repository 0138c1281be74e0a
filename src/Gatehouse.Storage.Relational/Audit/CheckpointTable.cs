using System.Data.Common;
using System.Runtime.CompilerServices;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Relational.Commands;

namespace Gatehouse.Storage.Relational.Audit;

/// <summary>Reads and writes <c>audit_checkpoints</c>, and reads entry hashes alone for the Merkle tree.</summary>
internal static class CheckpointTable
{
    /// <summary>Statement text that holds when no checkpoint of the tree size <c>@size</c> is stored yet.</summary>
    private const string SizeIsNew = "NOT EXISTS (SELECT 1 FROM audit_checkpoints WHERE tree_size = @size)";

    /// <summary>
    /// Inserts <paramref name="checkpoint"/> unless a checkpoint of its tree size is stored already, in one statement;
    /// returns whether it was stored. The caller serialises checkpoint writes (SQLite: its write lock; PostgreSQL: a
    /// table lock in the same transaction), so the check and the insert cannot interleave with another signer's.
    /// </summary>
    public static Task<bool> AppendAsync(
        DbConnection connection, DbTransaction? transaction, Checkpoint checkpoint, CancellationToken cancellationToken) =>
        InsertAsync(connection, transaction, checkpoint, SizeIsNew, null, cancellationToken);

    /// <summary>
    /// The same, and only while the lease row is still <paramref name="fence"/>'s holding; <paramref name="lockClause"/>
    /// (PostgreSQL: <c>FOR SHARE</c>) locks that row until the insert commits, so a takeover waits for it rather than
    /// racing it.
    /// </summary>
    public static Task<bool> AppendFencedAsync(
        DbConnection connection,
        DbTransaction? transaction,
        Checkpoint checkpoint,
        CheckpointFence fence,
        string lockClause,
        CancellationToken cancellationToken) =>
        InsertAsync(
            connection,
            transaction,
            checkpoint,
            $"{SizeIsNew} AND EXISTS (SELECT 1 FROM leases WHERE name = @lease AND holder = @holder AND token = @token {lockClause})",
            fence,
            cancellationToken);

    /// <summary>Returns the checkpoint stored last, or null when there is none.</summary>
    public static async Task<Checkpoint?> ReadLastAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tree_size, root_hash, time_unix, key_id, signature FROM audit_checkpoints ORDER BY id DESC LIMIT 1";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    private static async Task<bool> InsertAsync(
        DbConnection connection,
        DbTransaction? transaction,
        Checkpoint checkpoint,
        string where,
        CheckpointFence? fence,
        CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO audit_checkpoints (tree_size, root_hash, time_unix, key_id, signature)
            SELECT @size, @root, @time, @key, @signature
            WHERE {where}
            """;
        command.Add("@size", checkpoint.TreeSize);
        command.Add("@root", checkpoint.RootHash);
        command.Add("@time", checkpoint.Time.ToUnixTimeSeconds());
        command.Add("@key", checkpoint.KeyId);
        command.Add("@signature", checkpoint.Signature);
        if (fence is not null)
        {
            command.Add("@lease", fence.LeaseName);
            command.Add("@holder", fence.Holder);
            command.Add("@token", fence.Token);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public static async Task<IReadOnlyList<Checkpoint>> ReadAllAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tree_size, root_hash, time_unix, key_id, signature FROM audit_checkpoints ORDER BY id";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var checkpoints = new List<Checkpoint>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            checkpoints.Add(Read(reader));
        }

        return checkpoints;
    }

    public static async IAsyncEnumerable<EntryHash> ReadEntryHashesAsync(
        DbConnection connection,
        long afterSequence,
        long throughSequence,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, hash FROM audit_entries WHERE seq > @after AND seq <= @through ORDER BY seq";
        command.Add("@after", afterSequence);
        command.Add("@through", throughSequence);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new EntryHash(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
        }
    }

    private static Checkpoint Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetFieldValue<byte[]>(1),
        DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2)),
        reader.GetString(3),
        reader.GetFieldValue<byte[]>(4));
}
