namespace Gatehouse.ConsoleTests.Infrastructure;

/// <summary>The console tests share one browser and run one after another (each drives a gateway and a browser).</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleBrowser>
{
    public const string Name = "console";
}
