namespace Gatehouse.Storage.Sqlite.Tests.Support;

/// <summary>A store on a fresh temporary database, removed after the test.</summary>
public abstract class OneStore : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    protected SqliteStore Store { get; private set; } = null!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public virtual ValueTask InitializeAsync()
    {
        Store = _database.Open();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _database.Dispose();
        GC.SuppressFinalize(this);
    }
}
