using Gatehouse.Storage.Relational.Audit;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Closes every intent that never got an outcome, because its process stopped while it was in flight.</summary>
/// <remarks>
/// Until writer leases exist this closes every open intent, whoever wrote it, exactly as the embedded store does: it
/// is correct for one gateway process per database. With several, it must close only the intents of writers whose
/// lease has expired (the <c>writer_id</c> column is there for it); see docs/designs/postgres-store.md.
/// </remarks>
internal static class InterruptedRecovery
{
    public static async Task<int> RecoverAsync(NpgsqlConnection connection, string writerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var drafts = await OpenIntents.InterruptionsAsync(connection, now, cancellationToken).ConfigureAwait(false);
        await Appender.AppendAsync(connection, writerId, drafts, cancellationToken).ConfigureAwait(false);
        return drafts.Count;
    }
}
