using Gatehouse.Audit.Chain;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Appends a batch of drafts to the one global chain in one transaction and moves the head with it.</summary>
/// <remarks>
/// <para>
/// The head row is the chain's lock: an append from another connection or another process waits for this one to
/// commit and then reads the head it left, so sequences never collide and every entry's previous hash is the entry
/// before it. One batch is one commit (group commit: the audit writer hands over everything queued).
/// </para>
/// <para>
/// Replicas queue on that lock, so it is held only inside the server, while one statement runs: the client computes
/// before it everything that needs no head (each entry's encoding but for its sequence and previous hash, the distinct
/// parts, the references: <see cref="AppendCall"/>), and <c>gatehouse_audit_append</c> (<see cref="AppendFunctionSchema"/>)
/// locks the head, assigns the sequences, hashes the entries with <c>sha256</c>, writes every table and moves the head.
/// <c>BEGIN</c>, <c>SET LOCAL synchronous_commit = off</c>, the call and <c>COMMIT</c> travel in one
/// <see cref="NpgsqlBatch"/>, so the server runs the whole transaction without waiting for the client: no round trip
/// and no client CPU (a replica throttled by its CPU quota) while the lock is held. The WAL flush that follows the
/// commit (below) travels in the same batch, so a batch costs one round trip.
/// </para>
/// <para>
/// The commit is asynchronous: it releases the lock once its commit record is in WAL, without waiting for the fsync,
/// and <see cref="WalFlush"/>, the batch's last command, then waits for the flush outside the lock. An append returns only after that, so nothing
/// is acknowledged that a server crash could lose; a failure between the two fails the append (the batch may survive,
/// unacknowledged, as an ambiguous commit would). A crash loses only a suffix of WAL, and a batch that read this head is
/// later in WAL, so no surviving entry chains to a lost one. Appends inside a caller's transaction
/// (<see cref="AppendInAsync"/>) call the same function and keep a synchronous commit.
/// </para>
/// <para>
/// The function returns each entry's sequence, previous hash and hash; the client seals the drafts at those places with
/// its own encoder and fails the append as <see cref="StoreFailure.Corrupt"/> if any hash differs (the function's
/// encoding drifted from <see cref="AuditChain"/>). The batch is then committed with hashes <c>audit verify</c> rejects,
/// and no caller is told it was recorded.
/// </para>
/// </remarks>
internal static class Appender
{
    public static Task<IReadOnlyList<AuditEntry>> AppendAsync(
        NpgsqlConnection connection, string writerId, IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken) =>
        AppendAsync(connection, writerId, drafts, AuditChain.EncodingPrefix.ToArray(), cancellationToken);

    /// <summary>Appends with the encoding prefix given: the seam through which a test feeds the function a wrong one.</summary>
    internal static async Task<IReadOnlyList<AuditEntry>> AppendAsync(
        NpgsqlConnection connection, string writerId, IReadOnlyList<AuditEntryDraft> drafts, byte[] prefix, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0)
        {
            return [];
        }

        using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
        batch.BatchCommands.Add(AppendCall.Create(writerId, drafts, prefix));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));

        // After the COMMIT has released the head lock, in the same round trip: wait, outside the lock, for the batch's
        // commit record to reach disk. The server runs it only if everything before it succeeded (an error skips the
        // rest of the batch); its failure fails the append, since the batch is committed but not known durable.
        batch.BatchCommands.Add(WalFlush.Create());
        var placed = await ExecuteAsync(batch, drafts.Count, cancellationToken).ConfigureAwait(false);
        return Seal(drafts, placed);
    }

    /// <summary>Appends <paramref name="drafts"/> inside the caller's transaction, which commits them with its own changes.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AppendInAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string writerId,
        IReadOnlyList<AuditEntryDraft> drafts,
        CancellationToken cancellationToken)
    {
        if (drafts.Count == 0)
        {
            return [];
        }

        using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(AppendCall.Create(writerId, drafts, AuditChain.EncodingPrefix));
        var placed = await ExecuteAsync(batch, drafts.Count, cancellationToken).ConfigureAwait(false);
        return Seal(drafts, placed);
    }

    private static async Task<(long Sequence, byte[] PrevHash, byte[] Hash)[]> ExecuteAsync(NpgsqlBatch batch, int count, CancellationToken cancellationToken)
    {
        var placed = new List<(long Sequence, byte[] PrevHash, byte[] Hash)>(count);
        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                placed.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2)));
            }

            // Reads the rest of the batch (the COMMIT's completion), so its failure surfaces here.
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
            }
        }

        return [.. placed];
    }

    // Seals each draft where the function placed it and checks the function's hash against this process's encoder.
    private static AuditEntry[] Seal(IReadOnlyList<AuditEntryDraft> drafts, (long Sequence, byte[] PrevHash, byte[] Hash)[] placed)
    {
        if (placed.Length != drafts.Count)
        {
            throw new StoreUnavailableException(StoreFailure.Corrupt);
        }

        var entries = new AuditEntry[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            var (sequence, prevHash, hash) = placed[i];
            var chained = i == 0 || (sequence == entries[i - 1].Sequence + 1 && prevHash.AsSpan().SequenceEqual(entries[i - 1].Hash));
            entries[i] = AuditChain.Seal(drafts[i], sequence, prevHash);
            if (!chained || !entries[i].Hash.AsSpan().SequenceEqual(hash))
            {
                throw new StoreUnavailableException(StoreFailure.Corrupt);
            }
        }

        return entries;
    }
}
