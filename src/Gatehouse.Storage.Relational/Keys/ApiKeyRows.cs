using System.Data.Common;
using System.Text.Json;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Relational.Audit;

namespace Gatehouse.Storage.Relational.Keys;

/// <summary>Maps rows of <c>api_keys</c> (its columns in table order) to <see cref="ApiKeyRecord"/>s.</summary>
internal static class ApiKeyRows
{
    public static async Task<List<ApiKeyRecord>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var keys = new List<ApiKeyRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(new ApiKeyRecord
            {
                Id = reader.GetString(0),
                Name = reader.GetString(1),
                Groups = JsonSerializer.Deserialize(reader.GetString(2), GroupsJsonContext.Default.StringArray) ?? [],
                SecretHash = reader.GetFieldValue<byte[]>(3),
                CreatedAt = EntryReader.FromTicks(reader.GetInt64(4)),
                ExpiresAt = reader.IsDBNull(5) ? null : EntryReader.FromTicks(reader.GetInt64(5)),
                RevokedAt = reader.IsDBNull(6) ? null : EntryReader.FromTicks(reader.GetInt64(6)),
                Owner = reader.IsDBNull(7) ? null : reader.GetString(7),
            });
        }

        return keys;
    }
}
