using System.Text.Json;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Postgres.Audit;
using Gatehouse.Storage.Postgres.Integrity;
using Gatehouse.Storage.Relational.Keys;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Keys;

/// <summary>The <c>api_keys</c> table: key metadata and secret hashes; each change appends its sealed audit entry.</summary>
/// <remarks>The seal entry is appended in the change's transaction, under the head lock: a key and its record commit together.</remarks>
internal static class ApiKeyTable
{
    private const string Columns = "id, name, groups, secret_hash, created_ticks, expires_ticks, revoked_ticks, owner";

    public static async Task<bool> CreateAsync(NpgsqlConnection connection, string writerId, ApiKeyRecord key, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            using (var command = new NpgsqlCommand(
                $"INSERT INTO api_keys ({Columns}) VALUES (@id, @name, @groups, @hash, @created, @expires, @revoked, @owner) ON CONFLICT DO NOTHING",
                connection, transaction))
            {
                command.Parameters.AddWithValue("id", key.Id);
                command.Parameters.AddWithValue("name", key.Name);
                command.Parameters.AddWithValue("groups", JsonSerializer.Serialize([.. key.Groups], GroupsJsonContext.Default.StringArray));
                command.Parameters.AddWithValue("hash", key.SecretHash);
                command.Parameters.AddWithValue("created", key.CreatedAt.UtcTicks);
                command.Parameters.AddWithValue("expires", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)key.ExpiresAt?.UtcTicks ?? DBNull.Value);
                command.Parameters.AddWithValue("revoked", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)key.RevokedAt?.UtcTicks ?? DBNull.Value);
                command.Parameters.AddWithValue("owner", NpgsqlTypes.NpgsqlDbType.Text, (object?)key.Owner ?? DBNull.Value);
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    // The id or the name is taken (the same answer the embedded store gives for its constraint).
                    return false;
                }
            }

            var entry = await RowSeals.SealAsync(connection, transaction, RowSeals.KeyCreated, RowSeals.ApiKeys, key.Id, key.CreatedAt, json =>
            {
                json.WriteString("name", key.Name);
                json.WriteString("owner", key.Owner);
                json.WriteStartArray("groups");
                foreach (var group in key.Groups)
                {
                    json.WriteStringValue(group);
                }

                json.WriteEndArray();
                if (key.ExpiresAt is { } expires)
                {
                    json.WriteString("expiresAt", expires);
                }
            }, key.Owner, cancellationToken).ConfigureAwait(false);
            await Appender.AppendInAsync(connection, transaction, writerId, [entry], cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    public static async Task<ApiKeyRecord?> FindAsync(NpgsqlConnection connection, string id, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand($"SELECT {Columns} FROM api_keys WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        var keys = await ApiKeyRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return keys.Count == 0 ? null : keys[0];
    }

    public static async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand($"SELECT {Columns} FROM api_keys ORDER BY created_ticks DESC, id DESC", connection);
        return await ApiKeyRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<bool> RevokeAsync(
        NpgsqlConnection connection, string writerId, string idOrName, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var revoked = new List<(string Id, string Name)>();
            using (var command = new NpgsqlCommand("""
                UPDATE api_keys SET revoked_ticks = @revoked
                WHERE (id = @key OR name = @key) AND revoked_ticks IS NULL
                RETURNING id, name
                """, connection, transaction))
            {
                command.Parameters.AddWithValue("revoked", revokedAt.UtcTicks);
                command.Parameters.AddWithValue("key", idOrName);
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    revoked.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            if (revoked.Count == 0)
            {
                return false;
            }

            var entries = new List<Gatehouse.Audit.Chain.AuditEntryDraft>(revoked.Count);
            foreach (var (id, name) in revoked)
            {
                entries.Add(await RowSeals.SealAsync(connection, transaction, RowSeals.KeyRevoked, RowSeals.ApiKeys, id, revokedAt,
                    json => json.WriteString("name", name), null, cancellationToken).ConfigureAwait(false));
            }

            await Appender.AppendInAsync(connection, transaction, writerId, entries, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }
}
