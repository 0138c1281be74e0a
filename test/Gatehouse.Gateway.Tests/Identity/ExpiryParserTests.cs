using Gatehouse.Gateway.Identity.ApiKeys;

namespace Gatehouse.Gateway.Tests.Identity;

public sealed class ExpiryParserTests
{
    [Theory]
    [InlineData("90d", 90 * 24 * 60)]
    [InlineData("12h", 12 * 60)]
    [InlineData("30m", 30)]
    [InlineData(" 7D ", 7 * 24 * 60)]
    [InlineData("3650d", 3650 * 24 * 60)]
    public void Parse_Duration_ReturnsLifetime(string text, int minutes)
    {
        var result = ExpiryParser.Parse(text);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(TimeSpan.FromMinutes(minutes), result.Lifetime);
    }

    [Fact]
    public void Parse_Never_NoExpiry()
    {
        var result = ExpiryParser.Parse("never");

        Assert.True(result.Succeeded);
        Assert.Null(result.ExpiresAt(DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData("", "'' is not a valid expiry")]
    [InlineData("90", "unknown unit '0'")]
    [InlineData("90x", "unknown unit 'x'")]
    [InlineData("d", "whole number")]
    [InlineData("-5d", "whole number")]
    [InlineData("1.5h", "whole number")]
    [InlineData("0d", "positive duration")]
    [InlineData("3651d", "longest lifetime is 3650d")]
    [InlineData("99999999999999999999m", "whole number")]
    public void Parse_Invalid_ErrorNamesValueAndRule(string text, string expected)
    {
        var result = ExpiryParser.Parse(text);

        Assert.False(result.Succeeded);
        Assert.Null(result.Lifetime);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains($"'{text.Trim()}'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpiresAt_Lifetime_AddsToNow()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddDays(90), ExpiryParser.Parse("90d").ExpiresAt(now));
    }
}
