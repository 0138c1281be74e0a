using Gatehouse.Audit.Chain;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Writes the parts of the bodies of one append batch: each distinct part once, and every entry's references.</summary>
/// <remarks>
/// A part already stored is found by its hash and never rewritten. Appends are serialised by the head's row lock, but
/// the insert still tolerates a concurrent insert of the same part (<c>ON CONFLICT DO NOTHING</c>, then a lookup).
/// </remarks>
internal sealed class PartWriter : IDisposable
{
    private const string IdOfSql = """
        WITH inserted AS (
            INSERT INTO audit_parts (hash, body) VALUES (@hash, @body) ON CONFLICT (hash) DO NOTHING RETURNING id)
        SELECT id FROM inserted UNION ALL SELECT id FROM audit_parts WHERE hash = @hash LIMIT 1
        """;

    private const string ReferSql = """
        INSERT INTO audit_entry_parts (seq, ord, part_id, exchange_seq) VALUES (@seq, @ord, @part, @exchange)
        """;

    private const string IntentOfSql = $"""
        SELECT seq FROM audit_entries WHERE exchange_id = @id AND kind = '{AuditEntryKinds.Intent}' ORDER BY seq LIMIT 1
        """;

    private readonly NpgsqlCommand _idOf;
    private readonly NpgsqlCommand _refer;
    private readonly NpgsqlCommand _intentOf;
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);

    public PartWriter(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _idOf = new NpgsqlCommand(IdOfSql, connection, transaction);
        _idOf.Parameters.Add(new NpgsqlParameter("hash", NpgsqlDbType.Bytea));
        _idOf.Parameters.Add(new NpgsqlParameter("body", NpgsqlDbType.Bytea));
        _refer = new NpgsqlCommand(ReferSql, connection, transaction);
        _refer.Parameters.Add(new NpgsqlParameter("seq", NpgsqlDbType.Bigint));
        _refer.Parameters.Add(new NpgsqlParameter("ord", NpgsqlDbType.Integer));
        _refer.Parameters.Add(new NpgsqlParameter("part", NpgsqlDbType.Bigint));
        _refer.Parameters.Add(new NpgsqlParameter("exchange", NpgsqlDbType.Bigint));
        _intentOf = new NpgsqlCommand(IntentOfSql, connection, transaction);
        _intentOf.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Text));
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

    public void Dispose()
    {
        _idOf.Dispose();
        _refer.Dispose();
        _intentOf.Dispose();
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

        _idOf.Parameters[0].Value = part.Hash;
        _idOf.Parameters[1].Value = part.Content ?? throw new ArgumentException("A part to store has no content.", nameof(part));
        var id = (long)(await _idOf.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        _ids[key] = id;
        return id;
    }
}
