using Gatehouse.Testing;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>Runs the built <c>gatehouse</c> executable as a child process (<see cref="ChildProcess"/>), as a person would from a terminal.</summary>
internal static class GatehouseProcess
{
    /// <summary><c>dotnet gatehouse.dll</c>, the executable built beside the tests.</summary>
    public static ChildCommand Command { get; } = new("dotnet", [Path.Combine(AppContext.BaseDirectory, "gatehouse.dll")]);

    /// <summary>Starts <c>gatehouse</c> on a free loopback port (<paramref name="args"/> gets the URL); see <see cref="ChildProcess"/>.</summary>
    public static Task<ChildProcess> ServeAsync(string workingDirectory, string readyText, Func<string, string[]> args) =>
        ChildProcess.ServeAsync(Command, workingDirectory, readyText, args);

    /// <summary>Starts <c>gatehouse</c> with as many listeners as <paramref name="args"/> asks <see cref="ServeUrls"/> for (see <see cref="ChildProcess"/>).</summary>
    public static Task<ChildProcess> ServeAsync(string workingDirectory, string readyText, Func<ServeUrls, string[]> args) =>
        ChildProcess.ServeAsync(Command, workingDirectory, readyText, args);

    /// <inheritdoc cref="ChildProcess.RunAsync"/>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] args) =>
        ChildProcess.RunAsync(Command, workingDirectory, args);
}
