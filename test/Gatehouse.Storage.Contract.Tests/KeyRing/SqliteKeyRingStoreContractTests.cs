using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.KeyRing;

/// <summary>The <see cref="KeyRingStoreContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteKeyRingStoreContractTests : KeyRingStoreContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
