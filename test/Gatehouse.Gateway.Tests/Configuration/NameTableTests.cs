using Gatehouse.Gateway.Configuration;
using Gatehouse.Storage;

namespace Gatehouse.Gateway.Tests.Configuration;

public sealed class NameTableTests
{
    [Fact]
    public void TryParse_EveryConfigTablesName_GivesItsValueBack()
    {
        AssertRoundTrips(ConfigNames.FailureModes);
        AssertRoundTrips(ConfigNames.Transports);
        AssertRoundTrips(ConfigNames.StdioScopes);
        AssertRoundTrips(ConfigNames.WebhookFormats);
        AssertRoundTrips(StoreDurabilityNames.Table);
    }

    [Theory]
    [InlineData("Sse")]
    [InlineData("SSE")]
    [InlineData(" sse")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingButTheExactName_IsRefused(string? text)
        => Assert.False(ConfigNames.Transports.TryParse(text, out _));

    [Fact]
    public void Choices_ListsTheNamesInTheTablesOrder()
    {
        Assert.Equal("streamable or sse", ConfigNames.Transports.Choices);
        Assert.Equal("a, b or c", new NameTable<Letter>((Letter.A, "a"), (Letter.B, "b"), (Letter.C, "c")).Choices);
    }

    [Fact]
    public void New_ValueWithoutAName_IsABug()
        => Assert.Throws<ArgumentException>(() => new NameTable<Letter>((Letter.A, "a"), (Letter.B, "b")));

    [Fact]
    public void New_TwoValuesWithOneName_IsABug()
        => Assert.Throws<ArgumentException>(() => new NameTable<Letter>((Letter.A, "a"), (Letter.B, "a"), (Letter.C, "c")));

    [Fact]
    public void Name_UndefinedValue_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => ConfigNames.Transports.Name((McpUpstreamTransport)7));

    private static void AssertRoundTrips<T>(NameTable<T> table)
        where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>().Length, table.Names.Count);
        foreach (var value in Enum.GetValues<T>())
        {
            Assert.True(table.TryParse(table.Name(value), out var parsed));
            Assert.Equal(value, parsed);
        }
    }

    public enum Letter
    {
        A,
        B,
        C,
    }
}
