using System.Data.Common;
using System.Text.Json;
using Gatehouse.Audit.Chain;

namespace Gatehouse.Storage.Relational.Database;

/// <summary>
/// What a provider supplies to the shared stores (reviews, legal holds, retention): its connections and write
/// transactions, how it passes a set of strings, how it locks, and how it appends to the audit chain inside a change.
/// </summary>
/// <remarks>
/// SQLite serialises every write on one connection in an immediate transaction, so its locks are no-ops; PostgreSQL
/// runs writers side by side and locks the rows a change reads (<c>FOR UPDATE</c>) and the chain's head.
/// </remarks>
internal interface IRelationalDatabase
{
    /// <summary>Gets the suffix of a <c>SELECT</c> that locks the rows it reads until the write transaction ends.</summary>
    string LockRows { get; }

    /// <summary>Gets the SQL set (for <c>x IN ...</c>) of the strings bound to <paramref name="parameter"/> by <see cref="TextSetValue"/>.</summary>
    string TextSet(string parameter);

    /// <summary>Gets the parameter value that passes <paramref name="values"/> as one set.</summary>
    object TextSetValue(IReadOnlyCollection<string> values);

    /// <summary>Runs <paramref name="work"/> on a reading connection.</summary>
    Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one write transaction and commits it; a failure rolls everything back.</summary>
    Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Holds off every append to the audit chain until the transaction ends.</summary>
    Task LockLogAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Appends <paramref name="drafts"/> to the chain inside the caller's transaction.</summary>
    Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken);

    /// <summary>
    /// Builds the entry of kind <paramref name="kind"/> that seals row <paramref name="id"/> of <paramref name="table"/> as the
    /// transaction holds it; <paramref name="facts"/> writes further payload members (never a secret) before the row hash,
    /// and <paramref name="subject"/> goes to the entry's index.
    /// </summary>
    Task<AuditEntryDraft> SealEntryAsync(
        DbConnection connection,
        DbTransaction transaction,
        string kind,
        string table,
        string id,
        DateTimeOffset at,
        Action<Utf8JsonWriter>? facts,
        string? subject,
        CancellationToken cancellationToken);

    /// <summary>Appends the <c>row.sealed</c> entry of row <paramref name="id"/> of <paramref name="table"/> as the transaction holds it.</summary>
    Task SealAsync(DbConnection connection, DbTransaction transaction, string table, string id, DateTimeOffset at, CancellationToken cancellationToken);
}
