using Gatehouse.Policy.Durations;

namespace Gatehouse.Policy.Tests.Durations;

public sealed class DurationGrammarTests
{
    private static readonly DurationRange Wide = new(TimeSpan.Zero, TimeSpan.FromDays(36500));

    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("250ms", 250)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("2d", 172_800_000)]
    [InlineData("1d2h3m4s5ms", 93_784_005)]
    [InlineData(" 7D ", 604_800_000)]
    [InlineData("0s", 0)]
    [InlineData("1m0s", 60_000)]
    public void Parse_Grammar_Accepted(string text, long milliseconds)
    {
        var result = DurationGrammar.Parse(text, Wide);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), result.Value);
    }

    [Theory]
    [InlineData("", "the value is empty")]
    [InlineData("m", "'m' does not start with a whole number")]
    [InlineData("-5m", "'-5m' does not start with a whole number")]
    [InlineData("5w", "'w' is not a unit")]
    [InlineData("1h30", "'30' has no unit")]
    [InlineData("30m1h", "largest to the smallest, each once")]
    [InlineData("1m1m", "largest to the smallest, each once")]
    [InlineData("99999999999999999999d", "too large")]
    [InlineData("1 h", "'1' has no unit")]
    public void Parse_Malformed_ErrorNamesValueRangeAndForms(string text, string problem)
    {
        var result = DurationGrammar.Parse(text, Wide);

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.StartsWith($"'{text.Trim()}' is not a duration from 0s to 36500d: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        Assert.EndsWith(DurationGrammar.Forms, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90", "a bare number is no longer read as seconds; write '90s' instead")]
    [InlineData("0.25", "a bare number is no longer read as seconds; write '250ms' instead")]
    [InlineData("1.5h", "fractions are not read; write '90m' instead")]
    [InlineData("0.5d", "fractions are not read; write '12h' instead")]
    [InlineData("2.5ms", "fractions are not read; write '3ms' instead")]
    [InlineData("01:30:00", "hh:mm:ss is not read; write '90m' instead")]
    [InlineData("1.00:00:00", "hh:mm:ss is not read; write '1d' instead")]
    public void Parse_FormsOfTheOlderParsers_RefusedWithTheValueToWrite(string text, string advice)
    {
        var result = DurationGrammar.Parse(text, Wide);

        Assert.False(result.Succeeded);
        Assert.Contains(advice, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Range_ChecksBothEndsAndTheUnboundedWord()
    {
        var range = new DurationRange(TimeSpan.FromMinutes(1), TimeSpan.FromDays(10), "never");

        Assert.True(DurationGrammar.Parse("never", range).IsUnbounded);
        Assert.True(DurationGrammar.Parse("NEVER", range).IsUnbounded);
        Assert.Equal(TimeSpan.FromMinutes(1), DurationGrammar.Parse("1m", range).Value);
        Assert.Equal(TimeSpan.FromDays(10), DurationGrammar.Parse("10d", range).Value);
        Assert.Contains("59s is outside the range", DurationGrammar.Parse("59s", range).Error, StringComparison.Ordinal);
        Assert.Contains("longer than 10d; write 'never' for no limit", DurationGrammar.Parse("11d", range).Error, StringComparison.Ordinal);
        Assert.StartsWith("'0s' is not a duration from 1m to 10d or 'never'", DurationGrammar.Parse("0s", range).Error, StringComparison.Ordinal);
        Assert.False(DurationGrammar.Parse("forever", range).Succeeded);
        Assert.False(DurationGrammar.Parse("never", Wide).Succeeded);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1, "1ms")]
    [InlineData(1_500, "1500ms")]
    [InlineData(90_000, "90s")]
    [InlineData(5_400_000, "90m")]
    [InlineData(7_200_000, "2h")]
    [InlineData(2_592_000_000, "30d")]
    public void Format_LargestWholeUnit_ParsesBack(long milliseconds, string expected)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);

        var text = DurationGrammar.Format(value);

        Assert.Equal(expected, text);
        Assert.Equal(value, DurationGrammar.Parse(text, Wide).Value);
    }
}
