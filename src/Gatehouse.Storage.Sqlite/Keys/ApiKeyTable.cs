using System.Text.Json;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Relational.Keys;
using Gatehouse.Storage.Sqlite.Audit;
using Gatehouse.Storage.Sqlite.Integrity;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Keys;

/// <summary>The <c>api_keys</c> table: key metadata and secret hashes; each change appends its sealed audit entry.</summary>
internal static class ApiKeyTable
{
    private const int ConstraintViolation = 19;

    private const string Columns = "id, name, groups, secret_hash, created_ticks, expires_ticks, revoked_ticks, owner";

    public static async Task<bool> CreateAsync(SqliteConnection connection, ApiKeyRecord key, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO api_keys ({Columns}) VALUES (@id, @name, @groups, @hash, @created, @expires, @revoked, @owner)";
        command.Parameters.AddWithValue("@id", key.Id);
        command.Parameters.AddWithValue("@name", key.Name);
        command.Parameters.AddWithValue("@groups", JsonSerializer.Serialize([.. key.Groups], GroupsJsonContext.Default.StringArray));
        command.Parameters.AddWithValue("@hash", key.SecretHash);
        command.Parameters.AddWithValue("@created", key.CreatedAt.UtcTicks);
        command.Parameters.AddWithValue("@expires", (object?)key.ExpiresAt?.UtcTicks ?? DBNull.Value);
        command.Parameters.AddWithValue("@revoked", (object?)key.RevokedAt?.UtcTicks ?? DBNull.Value);
        command.Parameters.AddWithValue("@owner", (object?)key.Owner ?? DBNull.Value);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error) when (error.SqliteErrorCode == ConstraintViolation)
        {
            return false;
        }

        var entry = RowSeals.Seal(connection, transaction, RowSeals.KeyCreated, RowSeals.ApiKeys, key.Id, key.CreatedAt, json =>
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
        }, key.Owner);
        await AuditAppender.AppendInAsync(connection, transaction, [entry], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public static async Task<ApiKeyRecord?> FindAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM api_keys WHERE id = @id";
        command.Parameters.AddWithValue("@id", id);
        var keys = await ApiKeyRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return keys.Count == 0 ? null : keys[0];
    }

    public static async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM api_keys ORDER BY created_ticks DESC, rowid DESC";
        return await ApiKeyRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<bool> RevokeAsync(SqliteConnection connection, string idOrName, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE api_keys SET revoked_ticks = @revoked
            WHERE (id = @key OR name = @key) AND revoked_ticks IS NULL
            RETURNING id, name
            """;
        command.Parameters.AddWithValue("@revoked", revokedAt.UtcTicks);
        command.Parameters.AddWithValue("@key", idOrName);
        var revoked = new List<(string Id, string Name)>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                revoked.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        if (revoked.Count == 0)
        {
            return false;
        }

        var entries = revoked.ConvertAll(k => RowSeals.Seal(
            connection, transaction, RowSeals.KeyRevoked, RowSeals.ApiKeys, k.Id, revokedAt, json => json.WriteString("name", k.Name)));
        await AuditAppender.AppendInAsync(connection, transaction, entries, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
