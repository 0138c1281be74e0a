using Gatehouse.Audit.Store;
using Gatehouse.Storage.Relational.Audit;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Searches exchanges with this provider's filters; the query and its result assembly are <see cref="ExchangeRows"/>.</summary>
internal static class ExchangeSearch
{
    public static async Task<ExchangePage> SearchAsync(NpgsqlConnection connection, ExchangeQuery query, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        return await ExchangeRows.SearchAsync(command, query, ExchangeFilters.Add, PartSelect.Create, cancellationToken).ConfigureAwait(false);
    }
}
