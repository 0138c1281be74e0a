using Gatehouse.Cli;

namespace Gatehouse;

internal static class Program
{
    public static Task<int> Main(string[] args) => GatehouseCli.Create().Parse(args).InvokeAsync();
}
