using Gatehouse.Audit.Store;

namespace Gatehouse.Audit.Tests.Store;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("deploy prod", new[] { "deploy", "prod" }, new[] { false, false })]
    [InlineData("  \"null reference\"  trace*", new[] { "null reference", "trace" }, new[] { false, true })]
    [InlineData("\"stack trace\"*", new[] { "stack trace" }, new[] { true })]
    [InlineData("\"unclosed phrase", new[] { "unclosed phrase" }, new[] { false })]
    [InlineData("OR - payment ()", new[] { "OR", "payment" }, new[] { false, false })]
    public void TryParse_Text_SplitsIntoWordsAndPhrases(string text, string[] terms, bool[] prefixes)
    {
        Assert.True(SearchText.TryParse(text, out var search, out _));

        Assert.Equal(terms, search.Terms.Select(t => t.Text));
        Assert.Equal(prefixes, search.Terms.Select(t => t.IsPrefix));
    }

    [Theory]
    [InlineData("", "no word")]
    [InlineData("*** --- ()", "no word")]
    [InlineData("a b c d e f g h i j k l m", "at most 12")]
    public void TryParse_UnsearchableText_SaysWhy(string text, string reason)
    {
        Assert.False(SearchText.TryParse(text, out _, out var error));

        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TooLong_IsRefused()
    {
        Assert.False(SearchText.TryParse(new string('a', SearchText.MaxLength + 1), out _, out var error));
        Assert.Contains("500", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "limit")]
    [InlineData(501, "limit")]
    public void Validate_LimitOutOfRange_NamesTheLimit(int limit, string expected)
        => Assert.Contains(new ExchangeQuery { Limit = limit }.Validate(), e => e.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Validate_EmptyTimeRange_IsRefused()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.NotEmpty(new ExchangeQuery { From = at, To = at }.Validate());
        Assert.Empty(new ExchangeQuery { From = at, To = at.AddTicks(1), Text = "x", Limit = 500 }.Validate());
    }
}
