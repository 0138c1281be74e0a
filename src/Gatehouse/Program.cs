using System.CommandLine;
using Gatehouse.Cli;

namespace Gatehouse;

internal static class Program
{
    /// <summary>
    /// Runs the command line. The command-line runner does not handle SIGINT/SIGTERM itself: its handler forced the
    /// process out two seconds after the signal, cutting a draining gateway's in-flight streams and losing their audit
    /// outcomes. <c>serve</c> leaves the signal to the web host, which stops accepting, lets in-flight exchanges finish
    /// within its shutdown window and exits 0; the other verbs end as any terminal program does on Ctrl+C.
    /// </summary>
    public static Task<int> Main(string[] args)
        => GatehouseCli.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
}
