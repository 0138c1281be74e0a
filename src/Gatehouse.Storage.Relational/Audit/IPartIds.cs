using System.Data.Common;
using Gatehouse.Audit.Chain;

namespace Gatehouse.Storage.Relational.Audit;

/// <summary>
/// A provider's way to find a stored part by its hash, or store it, and return its id: the one step of writing parts
/// that differs between dialects (a lookup then an insert, or one upsert that tolerates a concurrent writer).
/// </summary>
internal interface IPartIds
{
    /// <summary>Enlists the provider's statements in the batch's <paramref name="transaction"/>.</summary>
    void Begin(DbTransaction transaction);

    /// <summary>Returns the id of <paramref name="part"/>, storing it first when the store does not hold it.</summary>
    Task<long> IdOfAsync(BodyPart part, CancellationToken cancellationToken);
}
