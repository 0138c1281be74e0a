using Gatehouse.Gateway.Identity.ApiKeys;
using Gatehouse.Policy.Durations;

namespace Gatehouse.Gateway.Tests.Identity;

/// <summary><c>keys create --expires</c>: the duration grammar, 1m to 3650d, or <c>never</c>.</summary>
public sealed class ApiKeyLifetimeTests
{
    [Theory]
    [InlineData("90d", 90 * 24 * 60)]
    [InlineData("12h", 12 * 60)]
    [InlineData("30m", 30)]
    [InlineData(" 7D ", 7 * 24 * 60)]
    [InlineData("3650d", 3650 * 24 * 60)]
    [InlineData("1d12h", 36 * 60)]
    [InlineData("1m", 1)]
    public void Parse_Duration_ReturnsLifetime(string text, int minutes)
    {
        var result = DurationGrammar.Parse(text, ApiKeyLifetime.Range);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(TimeSpan.FromMinutes(minutes), result.Value);
    }

    [Theory]
    [InlineData("never")]
    [InlineData("Never")]
    public void Parse_Never_NoExpiry(string text)
    {
        var result = DurationGrammar.Parse(text, ApiKeyLifetime.Range);

        Assert.True(result.IsUnbounded);
        Assert.Null(result.Value);
    }

    // The older --expires parser's refusals, with the new messages: each still names the value and says what to write.
    [Theory]
    [InlineData("", "the value is empty")]
    [InlineData("90", "a bare number is no longer read as seconds; write '90s' instead")]
    [InlineData("90x", "'x' is not a unit")]
    [InlineData("d", "'d' does not start with a whole number")]
    [InlineData("-5d", "'-5d' does not start with a whole number")]
    [InlineData("1.5h", "fractions are not read; write '90m' instead")]
    [InlineData("0d", "0s is outside the range")]
    [InlineData("59s", "59s is outside the range")]
    [InlineData("3651d", "longer than 3650d; write 'never' for no limit")]
    [InlineData("99999999999999999999m", "the number is too large")]
    public void Parse_Invalid_ErrorNamesValueRangeAndForms(string text, string problem)
    {
        var result = DurationGrammar.Parse(text, ApiKeyLifetime.Range);

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.StartsWith($"'{text.Trim()}' is not a duration from 1m to 3650d or 'never': ", result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        Assert.EndsWith(DurationGrammar.Forms, result.Error, StringComparison.Ordinal);
    }
}
