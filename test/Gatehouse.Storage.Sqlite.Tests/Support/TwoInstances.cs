namespace Gatehouse.Storage.Sqlite.Tests.Support;

/// <summary>
/// Two stores opened on one database file, standing for two gateway instances: each has its own writer connection.
/// </summary>
public abstract class TwoInstances : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    protected SqliteStore First { get; private set; } = null!;

    protected SqliteStore Second { get; private set; } = null!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        First = _database.Open();
        Second = _database.Open();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        _database.Dispose();
        GC.SuppressFinalize(this);
    }
}
