using System.Data.Common;
using System.Text.Json;
using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Tokens;

/// <summary>
/// A table of hashed bearer tokens (API keys, agent enrollment tokens) on either provider: insert once, find by id,
/// list newest first, revoke by id or by name. Each change appends, in its own transaction, the entry that seals the
/// changed row into the hash chain and is also the audit record of the change.
/// </summary>
/// <remarks>
/// A subclass names the table, its columns (in table order, so a row hashes alike on both providers), how a record is
/// bound and read, and what the seal entries say besides the row hash (never the secret's hash). A taken id (or name,
/// where the table makes it unique) is refused by <c>ON CONFLICT DO NOTHING</c>, which both providers understand, so a
/// refusal writes nothing. A revocation locks the rows it changes before the chain's head, as every change does.
/// </remarks>
/// <typeparam name="T">The stored record.</typeparam>
internal abstract class HashedTokenTable<T>
    where T : class
{
    /// <summary>Gets the table's name (a sealed table, spliced into SQL).</summary>
    protected abstract string Table { get; }

    /// <summary>Gets the table's columns in table order; the first is <c>id</c>.</summary>
    protected abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Gets the column a revocation may name instead of the id.</summary>
    protected abstract string NameColumn { get; }

    /// <summary>Gets the kind of the entry that seals a new row.</summary>
    protected abstract string CreatedKind { get; }

    /// <summary>Gets the kind of the entry that seals a revoked row.</summary>
    protected abstract string RevokedKind { get; }

    /// <summary>Gets the payload member that carries the name in a revocation's entry.</summary>
    protected abstract string NameFact { get; }

    /// <summary>Gets a column returned with each revoked row and written into its entry under the same name, or null.</summary>
    /// <remarks>Its stored text must be JSON (the API keys' groups are), so the entry carries it as a value, not a string.</remarks>
    protected virtual string? RevokedFactColumn => null;

    public Task<bool> CreateAsync(IRelationalDatabase database, T record, CancellationToken cancellationToken) =>
        CreateAsync(database, record, null, cancellationToken);

    /// <summary>Inserts <paramref name="record"/> with its sealing entry, which names <paramref name="by"/> (who created it) when given.</summary>
    public Task<bool> CreateAsync(IRelationalDatabase database, T record, string? by, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText =
                    $"INSERT INTO {Table} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))}) ON CONFLICT DO NOTHING";
                Bind(command, record);
                if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
                {
                    return false;
                }

                var (id, at, subject) = Identify(record);
                var seal = await database.SealEntryAsync(connection, transaction, CreatedKind, Table, id, at, json =>
                    {
                        WriteCreated(json, record);
                        WriteBy(json, by);
                    },
                    subject,
                    ct)
                    .ConfigureAwait(false);
                await database.AppendAsync(connection, transaction, [seal], ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public Task<T?> FindAsync(IRelationalDatabase database, string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, ct) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {string.Join(", ", Columns)} FROM {Table} WHERE id = @id";
                command.Add("@id", id);
                var rows = await ReadAllAsync(command, ct).ConfigureAwait(false);
                return rows.Count == 0 ? null : rows[0];
            },
            cancellationToken);

    public Task<IReadOnlyList<T>> ListAsync(IRelationalDatabase database, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<T>>(
            async (connection, ct) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {string.Join(", ", Columns)} FROM {Table} ORDER BY created_ticks DESC, id DESC";
                return await ReadAllAsync(command, ct).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Revokes the active row with this id, or every active row with this name; returns how many.</summary>
    public Task<int> RevokeAsync(IRelationalDatabase database, string idOrName, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        RevokeAsync(database, idOrName, revokedAt, null, cancellationToken);

    /// <summary>Revokes like <see cref="RevokeAsync(IRelationalDatabase, string, DateTimeOffset, CancellationToken)"/>; each entry names <paramref name="by"/> when given.</summary>
    public Task<int> RevokeAsync(IRelationalDatabase database, string idOrName, DateTimeOffset revokedAt, string? by, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var revoked = new List<(string Id, string Name, string? Fact)>();
                var fact = RevokedFactColumn;
                using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = $"""
                        UPDATE {Table} SET revoked_ticks = @revoked
                        WHERE (id = @key OR {NameColumn} = @key) AND revoked_ticks IS NULL
                        RETURNING id, {NameColumn}{(fact is null ? "" : ", " + fact)}
                        """;
                    command.Add("@revoked", revokedAt.UtcTicks);
                    command.Add("@key", idOrName);
                    using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        revoked.Add((reader.GetString(0), reader.GetString(1), fact is null || reader.IsDBNull(2) ? null : reader.GetString(2)));
                    }
                }

                if (revoked.Count > 0)
                {
                    var seals = new List<AuditEntryDraft>(revoked.Count);
                    foreach (var (id, name, value) in revoked)
                    {
                        seals.Add(await database.SealEntryAsync(
                            connection,
                            transaction,
                            RevokedKind,
                            Table,
                            id,
                            revokedAt,
                            json =>
                            {
                                json.WriteString(NameFact, name);
                                if (fact is not null && value is not null)
                                {
                                    json.WritePropertyName(fact);
                                    json.WriteRawValue(value);
                                }

                                WriteBy(json, by);
                            },
                            null,
                            ct).ConfigureAwait(false));
                    }

                    await database.AppendAsync(connection, transaction, seals, ct).ConfigureAwait(false);
                }

                return revoked.Count;
            },
            cancellationToken);

    /// <summary>Binds every column of <paramref name="record"/> as <c>@column</c>.</summary>
    protected abstract void Bind(DbCommand command, T record);

    /// <summary>Reads a row selected with <see cref="Columns"/>.</summary>
    protected abstract T Read(DbDataReader reader);

    /// <summary>Returns the record's id, its creation time, and the subject its creation is indexed under (or null).</summary>
    protected abstract (string Id, DateTimeOffset CreatedAt, string? Subject) Identify(T record);

    /// <summary>Writes what the creation's entry says of the record besides its row hash; never the secret's hash.</summary>
    protected abstract void WriteCreated(Utf8JsonWriter json, T record);

    private static void WriteBy(Utf8JsonWriter json, string? by)
    {
        if (by is not null)
        {
            json.WriteString("by", by);
        }
    }

    private async Task<List<T>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }
}
