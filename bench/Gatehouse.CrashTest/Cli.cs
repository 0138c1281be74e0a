using System.Diagnostics;

namespace Gatehouse.CrashTest;

/// <summary>Runs the gateway's own command line (<c>dotnet gatehouse.dll ...</c>), as an operator would.</summary>
internal static class Cli
{
    public static ProcessStartInfo Info(string gatehouseDll, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(gatehouseDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The child must not pick up a configuration or provider keys from the machine running the tool.
        info.Environment.Remove("GATEHOUSE_CONFIG");
        info.Environment.Remove("OPENAI_API_KEY");
        info.Environment.Remove("ANTHROPIC_API_KEY");
        return info;
    }

    /// <summary>Runs a command to its end; returns its exit code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string gatehouseDll, params string[] args)
    {
        using var process = Process.Start(Info(gatehouseDll, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await output, await error);
    }
}
