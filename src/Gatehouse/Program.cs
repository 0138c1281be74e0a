using System.CommandLine;
using Gatehouse.Cli;

namespace Gatehouse;

internal static class Program
{
    // On Ctrl+C or SIGTERM a command is cancelled and then given this long to finish before the process ends anyway.
    // The default, 2 s, could end 'serve' while it still drained the audit queue and closed the store; this is above
    // the host's own 30 s shutdown timeout, so the server always finishes its shutdown itself.
    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(35);

    public static Task<int> Main(string[] args) =>
        GatehouseCli.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TerminationGrace });
}
