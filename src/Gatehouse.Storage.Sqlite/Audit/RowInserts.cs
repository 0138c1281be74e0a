using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Inserts a batch's rows into one table with one multi-row statement per <see cref="MaxRows"/> rows.</summary>
/// <remarks>
/// <para>
/// One statement per batch rather than per row: SQLite steps a multi-row <c>VALUES</c> as one statement, so the
/// provider's per-execution work (binding the command, resetting the statement, the async machinery around each step)
/// is paid once per batch. Each row count has its own text, so each is its own compiled statement; one is compiled on
/// the first batch of that size and kept while the connection lives (<see cref="AppendStatements"/>).
/// </para>
/// <para>
/// The cache is bounded: row counts run from 1 to <see cref="MaxRows"/>, and a larger batch is inserted in chunks of
/// <see cref="MaxRows"/> and one remainder, so at most <see cref="MaxRows"/> statements are ever prepared per table
/// and connection (<see cref="Prepared"/>).
/// </para>
/// <para>
/// Why 8: the provider binds each parameter by name, and SQLite finds a name's index by a linear search of the
/// statement's names, so binding an n-row statement takes n² comparisons. With 32 rows (480 parameters) the audit bench
/// at 64 producers spent about twice the CPU per record; 8 rows keep the saving for the small batches of light load.
/// </para>
/// </remarks>
internal sealed class RowInserts
{
    /// <summary>The most rows one statement inserts, and so the most statements kept per table and connection.</summary>
    public const int MaxRows = 8;

    private readonly SqliteConnection _connection;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly SqliteCommand?[] _byRows = new SqliteCommand?[MaxRows];

    public RowInserts(SqliteConnection connection, string table, string columns)
    {
        _connection = connection;
        _table = table;
        _columns = columns.Split(", ");
    }

    /// <summary>Gets how many statements (row counts) are prepared so far; never more than <see cref="MaxRows"/>.</summary>
    public int Prepared => _byRows.Count(command => command is not null);

    /// <summary>Inserts <paramref name="rows"/>, in order, inside <paramref name="transaction"/>; <paramref name="bind"/> sets one row's values from a parameter offset.</summary>
    public async Task InsertAsync<T>(
        IReadOnlyList<T> rows,
        Action<SqliteParameterCollection, int, T> bind,
        SqliteTransaction transaction,
        CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < rows.Count; offset += MaxRows)
        {
            var count = Math.Min(MaxRows, rows.Count - offset);
            var insert = _byRows[count - 1] ??= Create(count);
            insert.Transaction = transaction;
            for (var row = 0; row < count; row++)
            {
                bind(insert.Parameters, row * _columns.Length, rows[offset + row]);
            }

            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the text of an insert of <paramref name="rows"/> rows; row <c>r</c>'s parameters are the columns' names suffixed with <c>_r</c>.</summary>
    public string Sql(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxRows);
        var sql = new StringBuilder("INSERT INTO ").Append(_table).Append(" (").AppendJoin(", ", _columns).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (").AppendJoin(", ", _columns.Select(name => Parameter(name, row))).Append(')');
        }

        return sql.ToString();
    }

    private SqliteCommand Create(int rows) => AppendStatements.Create(
        _connection,
        Sql(rows),
        Enumerable.Range(0, rows).SelectMany(row => _columns.Select(name => Parameter(name, row))));

    private static string Parameter(string column, int row) => "@" + column + "_" + row.ToString(CultureInfo.InvariantCulture);
}
