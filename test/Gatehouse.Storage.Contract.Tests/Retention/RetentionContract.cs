using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>A retention contract: a fixture per test, seeded on first use (inside the test, so a missing server fails or skips it).</summary>
public abstract class RetentionContract : ProviderTest
{
    private RetentionFixture? _fixture;

    /// <summary>Gets the fixture, opening and seeding it on first use.</summary>
    protected async Task<RetentionFixture> FixtureAsync()
    {
        if (_fixture is null)
        {
            _fixture = await RetentionFixture.OpenAsync(Provider);
            await SeedAsync(_fixture);
        }

        return _fixture;
    }

    /// <summary>Writes what every test of the class starts from.</summary>
    protected virtual Task SeedAsync(RetentionFixture f) => Task.CompletedTask;

    protected override ValueTask DisposeMoreAsync()
    {
        _fixture?.Dispose();
        return ValueTask.CompletedTask;
    }
}
