using System.Data.Common;
using Gatehouse.Audit.Chain;

namespace Gatehouse.Storage.Relational.Audit;

/// <summary>Writes the parts of the bodies of one append batch, each distinct part once, and gathers every entry's references.</summary>
/// <remarks>
/// A part already stored is found by its hash and never rewritten, so a 40 KB system prompt resent every turn costs
/// one index lookup and one reference row, not 40 KB. Within a batch the ids of parts seen are remembered; they are
/// forgotten at the next batch's <see cref="Begin"/>, since the transaction that wrote them may have rolled back. The
/// provider creates the statements (<see cref="IntentOfSql"/>, its <see cref="IPartIds"/>) and keeps them prepared: a
/// lookup per part suits an embedded database, where a statement costs no round trip. The references are gathered in
/// <see cref="References"/> for the provider to insert in one statement once the batch's parts are written.
/// PostgreSQL writes the same rows set-based instead (its <c>PartInserts</c>), since there every statement is a round
/// trip made under the chain's head lock.
/// </remarks>
internal sealed class PartWriter : IDisposable
{
    /// <summary>The columns of <c>audit_entry_parts</c> a reference fills, in <see cref="PartReference.Bind"/>'s order.</summary>
    public const string ReferenceColumns = "seq, ord, part_id, exchange_seq";

    /// <summary>The query of an exchange's intent sequence; its one parameter is <c>@id</c>.</summary>
    public const string IntentOfSql = $"""
        SELECT seq FROM audit_entries WHERE exchange_id = @id AND kind = '{AuditEntryKinds.Intent}' ORDER BY seq LIMIT 1
        """;

    private readonly DbCommand _intentOf;
    private readonly IPartIds _partIds;
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
    private readonly List<PartReference> _references = [];

    public PartWriter(DbCommand intentOf, IPartIds partIds)
    {
        _intentOf = intentOf;
        _partIds = partIds;
    }

    /// <summary>Gets the references of the entries written since <see cref="Begin"/>, in order, for the provider to insert.</summary>
    public IReadOnlyList<PartReference> References => _references;

    /// <summary>Starts a batch in <paramref name="transaction"/>.</summary>
    public void Begin(DbTransaction transaction)
    {
        _intentOf.Transaction = transaction;
        _partIds.Begin(transaction);
        _ids.Clear();
        _references.Clear();
    }

    /// <summary>Stores the parts of <paramref name="entry"/> (already inserted) and adds its references to them to <see cref="References"/>.</summary>
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        if (entry.BodyParts is not { } parts)
        {
            return;
        }

        var exchange = await ExchangeSequenceAsync(entry, cancellationToken).ConfigureAwait(false);
        for (var ord = 0; ord < parts.Count; ord++)
        {
            var id = await IdOfAsync(parts[ord], cancellationToken).ConfigureAwait(false);
            _references.Add(new PartReference(entry.Sequence, ord, id, exchange));
        }
    }

    public void Dispose()
    {
        _intentOf.Dispose();
        (_partIds as IDisposable)?.Dispose();
    }

    private async Task<long> ExchangeSequenceAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Kind == AuditEntryKinds.Intent)
        {
            return entry.Sequence;
        }

        _intentOf.Parameters[0].Value = entry.ExchangeId;
        return await _intentOf.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long intent ? intent : entry.Sequence;
    }

    private async Task<long> IdOfAsync(BodyPart part, CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(part.Hash);
        if (_ids.TryGetValue(key, out var known))
        {
            return known;
        }

        var id = await _partIds.IdOfAsync(part, cancellationToken).ConfigureAwait(false);
        _ids[key] = id;
        return id;
    }
}
