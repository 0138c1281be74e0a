using Gatehouse.Storage.Sqlite.Grants;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Sqlite.Tests.Approvals.People;

namespace Gatehouse.Storage.Sqlite.Tests.Grants;

/// <summary>A fresh store and grant store per test, on a fake clock that starts at <c>People.Start</c>.</summary>
public abstract class GrantStoreTest : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    protected FakeTimeProvider Time { get; } = new(Start);

    protected SqliteStore Store { get; private set; } = null!;

    protected SqliteGrantStore Grants { get; private set; } = null!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        Store = _database.Open();
        Grants = new SqliteGrantStore(Store, Time);
        return ValueTask.CompletedTask;
    }

    /// <summary>Closes the store and opens the same file again, as a restart would.</summary>
    protected async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = _database.Open();
        Grants = new SqliteGrantStore(Store, Time);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _database.Dispose();
        GC.SuppressFinalize(this);
    }
}
