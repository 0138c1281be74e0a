namespace Gatehouse.Gateway.Tests.Identity;

/// <summary>The identity tests share one set of servers and run one at a time, since one of them rotates the IdP's keys.</summary>
[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentityFixture>
{
    public const string Name = "identity";
}
