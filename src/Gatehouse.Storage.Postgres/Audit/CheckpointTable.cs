using System.Runtime.CompilerServices;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Store;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Reads and writes <c>audit_checkpoints</c>, and reads entry hashes alone for the Merkle tree.</summary>
internal static class CheckpointTable
{
    public static async Task<bool> AppendAsync(NpgsqlConnection connection, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand("""
            INSERT INTO audit_checkpoints (tree_size, root_hash, time_unix, key_id, signature)
            VALUES (@size, @root, @time, @key, @signature)
            """, connection);
        command.Parameters.AddWithValue("size", checkpoint.TreeSize);
        command.Parameters.AddWithValue("root", checkpoint.RootHash);
        command.Parameters.AddWithValue("time", checkpoint.Time.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("key", checkpoint.KeyId);
        command.Parameters.AddWithValue("signature", checkpoint.Signature);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public static async Task<IReadOnlyList<Checkpoint>> ReadAllAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            "SELECT tree_size, root_hash, time_unix, key_id, signature FROM audit_checkpoints ORDER BY id", connection);
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
        NpgsqlConnection connection,
        long afterSequence,
        long throughSequence,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            "SELECT seq, hash FROM audit_entries WHERE seq > @after AND seq <= @through ORDER BY seq", connection);
        command.Parameters.AddWithValue("after", afterSequence);
        command.Parameters.AddWithValue("through", throughSequence);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new EntryHash(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
        }
    }
}
