using Gatehouse.Audit.Retention;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Grants;
using Gatehouse.Storage.Postgres;
using Gatehouse.Storage.Postgres.Approvals;
using Gatehouse.Storage.Postgres.Grants;
using Gatehouse.Storage.Postgres.Hosting;
using Gatehouse.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Storage.Contract.Tests.Postgres;

/// <summary><c>AddPostgresReviewStores</c> registers every review, access and retention store over the one PostgreSQL store.</summary>
public sealed class PostgresReviewStoreRegistrationTests : IAsyncDisposable
{
    private PostgresProvider? _provider;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddPostgresReviewStores_ResolvesEachStoreOverTheOneDatabase_WithTheListeningNotifier()
    {
        _provider = new PostgresProvider();
        var store = (PostgresStore)await _provider.OpenAsync(Token);
        var services = new ServiceCollection().AddPostgresReviewStores(store);
        var container = new SingletonContainer(services);

        var notifier = Assert.IsType<PostgresApprovalNotifier>(container.GetService(typeof(IApprovalNotifier)));
        await using (notifier)
        {
            await notifier.Listening.WaitAsync(Eventually.DefaultTimeout, Token);
            var approvals = Assert.IsType<PostgresApprovalStore>(container.GetService(typeof(IApprovalStore)));
            Assert.IsType<PostgresGrantStore>(container.GetService(typeof(IGrantStore)));
            Assert.Same(store, container.GetService(typeof(IAuditRetentionStore)));
            Assert.Same(store, container.GetService(typeof(ILegalHoldStore)));
            Assert.Same(notifier, container.GetService(typeof(PostgresApprovalNotifier)));

            var created = await approvals.CreateAsync(Approvals.People.Draft(), Token);
            Assert.Equal(created.Value!.Id, (await approvals.GetAsync(created.Value.Id, Token))!.Id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    /// <summary>Resolves the registrations as singletons (each built once), which is how every one of them is registered.</summary>
    private sealed class SingletonContainer(IServiceCollection services) : IServiceProvider
    {
        private readonly Dictionary<Type, object?> _built = [];

        public object? GetService(Type serviceType)
        {
            if (_built.TryGetValue(serviceType, out var built))
            {
                return built;
            }

            var descriptor = services.LastOrDefault(d => d.ServiceType == serviceType);
            Assert.True(descriptor is null || descriptor.Lifetime == ServiceLifetime.Singleton, $"{serviceType.Name} is registered as a singleton");
            var instance = descriptor?.ImplementationInstance ?? descriptor?.ImplementationFactory?.Invoke(this);
            _built[serviceType] = instance;
            return instance;
        }
    }
}
