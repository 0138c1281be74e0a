using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Testing;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// A gateway started with SIGINT ignored (as every child of a background job in a non-interactive shell is) installs no
/// Ctrl+C handler and never stops on one: the helper that sends SIGINT says so at once, instead of the test waiting out
/// its three-minute exit timeout and failing with no reason.
/// </summary>
public sealed class IgnoredInterruptProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-sigint-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SendInterrupt_ChildIgnoresSigint_FailsAtOnceNamingTheInheritedIgnore()
    {
        var ignoring = new ChildCommand("env", ["--ignore-signal=INT", GatehouseProcess.Command.FileName, .. GatehouseProcess.Command.LeadingArgs]);
        await using var serve = await ChildProcess.ServeAsync(ignoring, _directory, "audit store: ", at => ["serve", "--dev", "--urls", at]);

        var error = await Assert.ThrowsAnyAsync<Exception>(serve.SendInterruptAsync);

        Assert.Contains("ignores SIGINT", error.Message, StringComparison.Ordinal);
    }
}
