using Gatehouse.FunctionalTests.Infrastructure;

namespace Gatehouse.FunctionalTests;

/// <summary>The command line's durations follow the one grammar; a refusal names the option, the value and what to write.</summary>
public sealed class CliDurationTests
{
    [Theory]
    [InlineData(new[] { "keys", "create", "--name", "k", "--owner", "a@example.com", "--expires", "1.5h" }, "--expires: '1.5h' is not a duration from 1m to 3650d or 'never'", "write '90m' instead")]
    [InlineData(new[] { "keys", "create", "--name", "k", "--owner", "a@example.com", "--expires", "3651d" }, "--expires: '3651d'", "write 'never' for no limit")]
    [InlineData(new[] { "dev", "token", "--user", "u", "--lifetime", "00:30:00" }, "--lifetime: '00:30:00' is not a duration from 1s to 30d", "write '30m' instead")]
    [InlineData(new[] { "dev", "token", "--user", "u", "--lifetime", "31d" }, "--lifetime: '31d'", "31d is outside the range")]
    [InlineData(new[] { "audit", "search", "--since", "90" }, "--since takes a time (such as 2026-11-25T08:00Z) or a duration back from now; '90'", "write '90s' instead")]
    [InlineData(new[] { "audit", "search", "--until", "2x" }, "--until takes a time", "'x' is not a unit")]
    public async Task Durations_OutsideTheGrammar_ExitWithUsageAndSayWhatToWrite(string[] args, string names, string advice)
    {
        var (exit, _, error) = await GatehouseCommand.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains($"gatehouse: {names}", error, StringComparison.Ordinal);
        Assert.Contains(advice, error, StringComparison.Ordinal);
        Assert.Contains("such as 90s, 1h30m or 250ms", error, StringComparison.Ordinal);
    }
}
