using Gatehouse.Audit.Chain;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Writes the parts of the bodies of one append batch: each distinct part once, and every entry's references.</summary>
/// <remarks>
/// A part already stored is found by its hash and never rewritten, so a 40 KB system prompt resent every turn costs
/// one index lookup and one reference row, not 40 KB. Within a batch the ids of parts seen are remembered; they are
/// forgotten at the next batch's <see cref="Begin"/>, since the transaction that wrote them may have rolled back. One
/// writer lives per connection in <see cref="AppendStatements"/>, its statements prepared once.
/// </remarks>
internal sealed class PartWriter
{
    private const string FindSql = "SELECT id FROM audit_parts WHERE hash = @hash";
    private const string InsertSql = "INSERT INTO audit_parts (hash, body) VALUES (@hash, @body) RETURNING id";
    private const string ReferSql = """
        INSERT INTO audit_entry_parts (seq, ord, part_id, exchange_seq) VALUES (@seq, @ord, @part, @exchange)
        """;

    private const string IntentOfSql = $"""
        SELECT seq FROM audit_entries WHERE exchange_id = @id AND kind = '{AuditEntryKinds.Intent}' ORDER BY seq LIMIT 1
        """;

    private readonly SqliteCommand _find;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _refer;
    private readonly SqliteCommand _intentOf;
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);

    public PartWriter(SqliteConnection connection)
    {
        _find = AppendStatements.Create(connection, FindSql, "@hash");
        _insert = AppendStatements.Create(connection, InsertSql, "@hash", "@body");
        _refer = AppendStatements.Create(connection, ReferSql, "@seq", "@ord", "@part", "@exchange");
        _intentOf = AppendStatements.Create(connection, IntentOfSql, "@id");
    }

    /// <summary>Starts a batch in <paramref name="transaction"/>.</summary>
    public void Begin(SqliteTransaction transaction)
    {
        _find.Transaction = transaction;
        _insert.Transaction = transaction;
        _refer.Transaction = transaction;
        _intentOf.Transaction = transaction;
        _ids.Clear();
    }

    /// <summary>Stores the parts of <paramref name="entry"/> (already inserted) and its references to them.</summary>
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
            _refer.Parameters[0].Value = entry.Sequence;
            _refer.Parameters[1].Value = ord;
            _refer.Parameters[2].Value = id;
            _refer.Parameters[3].Value = exchange;
            await _refer.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
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

        _find.Parameters[0].Value = part.Hash;
        if (await _find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long id)
        {
            _insert.Parameters[0].Value = part.Hash;
            _insert.Parameters[1].Value = part.Content ?? throw new ArgumentException("A part to store has no content.", nameof(part));
            id = (long)(await _insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        _ids[key] = id;
        return id;
    }
}
