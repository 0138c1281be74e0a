using Gatehouse.Storage.Agents;
using Gatehouse.Storage.Relational.Audit;
using Gatehouse.Storage.Sqlite.Audit;
using Gatehouse.Storage.Sqlite.Integrity;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Agents;

/// <summary>The <c>agent_tokens</c> table; each change appends its sealed audit entry in the same transaction.</summary>
internal static class AgentTokenTable
{
    private const int ConstraintViolation = 19;

    private const string Columns = "id, agent, secret_hash, created_ticks, expires_ticks, revoked_ticks";

    public static async Task<bool> CreateAsync(SqliteConnection connection, AgentTokenRecord token, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO agent_tokens ({Columns}) VALUES (@id, @agent, @hash, @created, @expires, NULL)";
        command.Parameters.AddWithValue("@id", token.Id);
        command.Parameters.AddWithValue("@agent", token.AgentName);
        command.Parameters.AddWithValue("@hash", token.SecretHash);
        command.Parameters.AddWithValue("@created", token.CreatedAt.UtcTicks);
        command.Parameters.AddWithValue("@expires", (object?)token.ExpiresAt?.UtcTicks ?? DBNull.Value);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error) when (error.SqliteErrorCode == ConstraintViolation)
        {
            return false;
        }

        var entry = RowSeals.Seal(connection, transaction, RowSeals.AgentTokenCreated, RowSeals.AgentTokens, token.Id, token.CreatedAt, json =>
        {
            json.WriteString("agent", token.AgentName);
            if (token.ExpiresAt is { } expires)
            {
                json.WriteString("expiresAt", expires);
            }
        });
        await AuditAppender.AppendInAsync(connection, transaction, [entry], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public static async Task<AgentTokenRecord?> FindAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM agent_tokens WHERE id = @id";
        command.Parameters.AddWithValue("@id", id);
        var tokens = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return tokens.Count == 0 ? null : tokens[0];
    }

    public static async Task<IReadOnlyList<AgentTokenRecord>> ListAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM agent_tokens ORDER BY created_ticks DESC, rowid DESC";
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<int> RevokeAsync(SqliteConnection connection, string idOrAgent, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE agent_tokens SET revoked_ticks = @revoked
            WHERE (id = @key OR agent = @key) AND revoked_ticks IS NULL
            RETURNING id, agent
            """;
        command.Parameters.AddWithValue("@revoked", revokedAt.UtcTicks);
        command.Parameters.AddWithValue("@key", idOrAgent);
        var revoked = new List<(string Id, string Agent)>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                revoked.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        if (revoked.Count > 0)
        {
            var entries = revoked.ConvertAll(t => RowSeals.Seal(
                connection, transaction, RowSeals.AgentTokenRevoked, RowSeals.AgentTokens, t.Id, revokedAt, json => json.WriteString("agent", t.Agent)));
            await AuditAppender.AppendInAsync(connection, transaction, entries, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return revoked.Count;
    }

    private static async Task<List<AgentTokenRecord>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var tokens = new List<AgentTokenRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tokens.Add(new AgentTokenRecord
            {
                Id = reader.GetString(0),
                AgentName = reader.GetString(1),
                SecretHash = reader.GetFieldValue<byte[]>(2),
                CreatedAt = EntryReader.FromTicks(reader.GetInt64(3)),
                ExpiresAt = reader.IsDBNull(4) ? null : EntryReader.FromTicks(reader.GetInt64(4)),
                RevokedAt = reader.IsDBNull(5) ? null : EntryReader.FromTicks(reader.GetInt64(5)),
            });
        }

        return tokens;
    }
}
