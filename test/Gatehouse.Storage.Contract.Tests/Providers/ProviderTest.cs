namespace Gatehouse.Storage.Contract.Tests.Providers;

/// <summary>A contract test class: the provider under test, created on first use (inside the test, so a missing server fails or skips that test).</summary>
public abstract class ProviderTest : IAsyncDisposable
{
    private IStoreProvider? _provider;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected IStoreProvider Provider => _provider ??= CreateProvider();

    public async ValueTask DisposeAsync()
    {
        await DisposeMoreAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract IStoreProvider CreateProvider();

    /// <summary>Releases what a test class holds beside the provider, before the provider goes.</summary>
    protected virtual ValueTask DisposeMoreAsync() => ValueTask.CompletedTask;
}
