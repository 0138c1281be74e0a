namespace Gatehouse.Storage.Integrity;

/// <summary>The outcome of checking the sealed rows: how many were checked and which do not hold.</summary>
/// <param name="RowsChecked">The API key, approval and grant rows checked.</param>
/// <param name="Problems">The rows that do not match their seal, have none, or are gone; empty when all hold.</param>
public sealed record RowSealReport(long RowsChecked, IReadOnlyList<RowSealProblem> Problems)
{
    /// <summary>Gets whether every row matches its seal.</summary>
    public bool IsIntact => Problems.Count == 0;
}
