namespace Gatehouse.Storage.Integrity;

/// <summary>A sealed row that does not hold.</summary>
/// <param name="Table">The table: <c>api_keys</c>, <c>approvals</c> or <c>grants</c>.</param>
/// <param name="Id">The row's id (a key id, <c>apr_...</c> or <c>grt_...</c>); never a secret.</param>
/// <param name="Sequence">The audit entry holding its last seal, when there is one.</param>
/// <param name="What">What is wrong, as a sentence ending.</param>
public sealed record RowSealProblem(string Table, string Id, long? Sequence, string What)
{
    /// <inheritdoc />
    public override string ToString() => $"{Table} row '{Id}' {What}";
}
