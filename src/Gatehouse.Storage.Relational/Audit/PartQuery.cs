using System.Data.Common;

namespace Gatehouse.Storage.Relational.Audit;

/// <summary>
/// A provider's command selecting <c>seq, hash, body</c> of the parts of <paramref name="sequences"/>, ordered by
/// <c>seq, ord</c>; a reference to a part no longer held reads with a null hash. The one thing about reading parts
/// that differs between dialects is how a set of sequences is passed.
/// </summary>
internal delegate DbCommand PartQuery(DbConnection connection, DbTransaction? transaction, IReadOnlyList<long> sequences);
