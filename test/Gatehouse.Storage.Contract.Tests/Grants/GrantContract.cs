using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Grants;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Contract.Tests.Grants;

/// <summary>A fresh store and grant store per test, on a fake clock that starts at <c>People.Start</c>.</summary>
public abstract class GrantContract : ProviderTest
{
    private IGrantStore? _grants;

    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Gets the grant store, opening it on first use.</summary>
    protected async Task<IGrantStore> GrantsAsync() => _grants ??= Provider.Grants(await Provider.OpenAsync(Token), Time);

    /// <summary>Opens another store on the same database, as a restart (or another replica) would.</summary>
    protected async Task ReopenAsync() => _grants = Provider.Grants(await Provider.OpenAsync(Token), Time);
}
