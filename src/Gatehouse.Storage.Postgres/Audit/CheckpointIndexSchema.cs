namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Schema step 9: an index of checkpoints by tree size, which the append checks to keep one checkpoint per size.</summary>
/// <remarks>
/// Not unique: a store written before this step may hold the same tree size twice (a signer that took over signed it
/// again), and those signed rows are kept as they are; from this step on no new duplicate is stored.
/// </remarks>
internal static class CheckpointIndexSchema
{
    public const int Version = 9;

    public const string Sql = "CREATE INDEX ix_audit_checkpoints_tree_size ON audit_checkpoints (tree_size)";
}
