using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Export;

/// <summary>What every export cursor store must do: each provider runs these tests through a subclass.</summary>
public abstract class ExportCursorStoreContract : IAsyncDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private IStoreProvider? _provider;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private IStoreProvider Provider => _provider ??= CreateProvider();

    [Fact]
    public async Task Read_UnknownSink_Zero()
    {
        var cursors = Provider.Cursors(await Provider.OpenAsync(Token));

        Assert.Equal(0, await cursors.ReadAsync("siem", Token));
    }

    [Fact]
    public async Task Save_ThenRead_PerSink()
    {
        var cursors = Provider.Cursors(await Provider.OpenAsync(Token));

        await cursors.SaveAsync("siem", 10, At, Token);
        await cursors.SaveAsync("archive", 3, At, Token);
        await cursors.SaveAsync("siem", 12, At.AddSeconds(1), Token);

        Assert.Equal(12, await cursors.ReadAsync("siem", Token));
        Assert.Equal(3, await cursors.ReadAsync("archive", Token));
    }

    [Fact]
    public async Task Save_LowerFromAnotherInstance_NeverRewinds()
    {
        var one = Provider.Cursors(await Provider.OpenAsync(Token));
        var two = Provider.Cursors(await Provider.OpenAsync(Token));

        await one.SaveAsync("siem", 20, At, Token);
        await two.SaveAsync("siem", 15, At.AddSeconds(1), Token);

        Assert.Equal(20, await one.ReadAsync("siem", Token));
        Assert.Equal(20, await two.ReadAsync("siem", Token));
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract IStoreProvider CreateProvider();
}
