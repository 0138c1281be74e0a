using System.Data.Common;

namespace Gatehouse.Storage.Relational.Approvals;

/// <summary>Which rows of a review table to read: a condition (SQL after WHERE) and its parameters, how many, whether to lock them.</summary>
/// <param name="Where">The condition, written with <c>@name</c> parameters.</param>
/// <param name="Bind">Adds the condition's parameters.</param>
/// <param name="Limit">The most rows to read; 1,000 unless a page asks for fewer.</param>
/// <param name="LockRows">Whether the rows stay locked until the write transaction ends (see <c>IRelationalDatabase.LockRows</c>).</param>
internal sealed record ReviewQuery(string Where, Action<DbCommand> Bind, int Limit = 1000, bool LockRows = false)
{
    /// <summary>Gets the query of every row, newest first.</summary>
    public static ReviewQuery All { get; } = new("1 = 1", static _ => { });
}
