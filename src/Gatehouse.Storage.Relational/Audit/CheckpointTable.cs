using System.Data.Common;
using System.Runtime.CompilerServices;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Relational.Commands;

namespace Gatehouse.Storage.Relational.Audit;

/// <summary>Reads and writes <c>audit_checkpoints</c>, and reads entry hashes alone for the Merkle tree.</summary>
internal static class CheckpointTable
{
    public static async Task<bool> AppendAsync(DbConnection connection, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit_checkpoints (tree_size, root_hash, time_unix, key_id, signature)
            VALUES (@size, @root, @time, @key, @signature)
            """;
        command.Add("@size", checkpoint.TreeSize);
        command.Add("@root", checkpoint.RootHash);
        command.Add("@time", checkpoint.Time.ToUnixTimeSeconds());
        command.Add("@key", checkpoint.KeyId);
        command.Add("@signature", checkpoint.Signature);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Inserts <paramref name="checkpoint"/> only while the lease row is still <paramref name="fence"/>'s holding, in one
    /// statement; <paramref name="lockClause"/> (PostgreSQL: <c>FOR SHARE</c>) locks that row until the insert commits,
    /// so a takeover waits for it rather than racing it. The embedded store's writes are serialised already.
    /// </summary>
    public static async Task<bool> AppendFencedAsync(
        DbConnection connection, Checkpoint checkpoint, CheckpointFence fence, string lockClause, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO audit_checkpoints (tree_size, root_hash, time_unix, key_id, signature)
            SELECT @size, @root, @time, @key, @signature
            WHERE EXISTS (SELECT 1 FROM leases WHERE name = @lease AND holder = @holder AND token = @token {lockClause})
            """;
        command.Add("@size", checkpoint.TreeSize);
        command.Add("@root", checkpoint.RootHash);
        command.Add("@time", checkpoint.Time.ToUnixTimeSeconds());
        command.Add("@key", checkpoint.KeyId);
        command.Add("@signature", checkpoint.Signature);
        command.Add("@lease", fence.LeaseName);
        command.Add("@holder", fence.Holder);
        command.Add("@token", fence.Token);
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
            checkpoints.Add(new Checkpoint(
                reader.GetInt64(0),
                reader.GetFieldValue<byte[]>(1),
                DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2)),
                reader.GetString(3),
                reader.GetFieldValue<byte[]>(4)));
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
}
