using System.CommandLine;
using Gatehouse.Cli;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>Runs the <c>gatehouse</c> command line in-process, capturing what it writes.</summary>
public static class GatehouseCommand
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await GatehouseCli.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
