using System.Data.Common;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Approvals;

/// <summary>A table of reviewed requests (approvals or grants), as <see cref="ReviewWrites"/> needs it.</summary>
internal interface IReviewTable<T>
    where T : class, IReviewable
{
    /// <summary>Gets the table's name, as its rows are sealed under.</summary>
    string Name { get; }

    /// <summary>Reads the rows <paramref name="query"/> selects, newest first, with their reviews.</summary>
    Task<List<T>> SelectAsync(
        IRelationalDatabase database, DbConnection connection, DbTransaction? transaction, ReviewQuery query, CancellationToken cancellationToken);

    /// <summary>Returns <paramref name="item"/> with <paramref name="transition"/> applied.</summary>
    T Apply(T item, ReviewTransition transition);

    /// <summary>Inserts a new row.</summary>
    Task InsertAsync(DbConnection connection, DbTransaction transaction, T item, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="after"/> only if the row is still at <paramref name="before"/>'s version.</summary>
    Task<bool> UpdateAsync(DbConnection connection, DbTransaction transaction, T before, T after, CancellationToken cancellationToken);
}
