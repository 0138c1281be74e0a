using Gatehouse.Storage.Approvals;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Approvals;

/// <summary>A table of reviewed requests (approvals or grants), as <see cref="ReviewWrites"/> needs it.</summary>
internal interface IReviewTable<T>
    where T : class, IReviewable
{
    /// <summary>Gets the table's name, as its rows are sealed under (see <c>RowSeals</c>).</summary>
    string Name { get; }

    /// <summary>Reads the rows matching <paramref name="where"/> (SQL after WHERE), with their reviews.</summary>
    Task<List<T>> SelectAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string where,
        Action<SqliteParameterCollection> bind,
        CancellationToken cancellationToken,
        int limit = 1000);

    /// <summary>Returns <paramref name="item"/> with <paramref name="transition"/> applied.</summary>
    T Apply(T item, ReviewTransition transition);

    /// <summary>Inserts a new row.</summary>
    Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, T item, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="after"/> only if the row is still at <paramref name="before"/>'s version.</summary>
    Task<bool> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, T before, T after, CancellationToken cancellationToken);
}
