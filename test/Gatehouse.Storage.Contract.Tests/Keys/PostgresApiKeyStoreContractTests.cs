using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Keys;

/// <summary>The API key store contract on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresApiKeyStoreContractTests : ApiKeyStoreContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
