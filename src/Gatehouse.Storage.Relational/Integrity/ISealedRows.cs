using System.Data.Common;

namespace Gatehouse.Storage.Relational.Integrity;

/// <summary>What a provider tells <see cref="RowSealVerifier"/>: which tables it seals, by which entry kinds, and how it hashes a row.</summary>
/// <remarks>
/// The hash rule itself is shared (<see cref="RowHashing"/>); the provider runs the row's queries (SQLite
/// synchronously, as its schema upgrade needs; PostgreSQL asynchronously) in the caller's transaction.
/// </remarks>
internal interface ISealedRows
{
    /// <summary>Gets the sealed tables; each has a text <c>id</c> column.</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>Gets the entry kinds that carry a seal.</summary>
    IReadOnlyList<string> Kinds { get; }

    /// <summary>Computes the hash of row <paramref name="id"/> of <paramref name="table"/> as <paramref name="transaction"/> sees it; null when there is no such row.</summary>
    Task<byte[]?> HashAsync(DbConnection connection, DbTransaction transaction, string table, string id, CancellationToken cancellationToken);
}
