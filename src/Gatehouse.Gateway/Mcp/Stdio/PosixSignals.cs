using System.Runtime.InteropServices;

namespace Gatehouse.Gateway.Mcp.Stdio;

/// <summary>Sends SIGTERM, which .NET's <c>Process</c> cannot (its <c>Kill</c> is SIGKILL).</summary>
internal static class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks the process to stop; returns false where there are no POSIX signals or the process is gone.</summary>
    public static bool Terminate(int processId) => !OperatingSystem.IsWindows() && Kill(processId, SigTerm) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int processId, int signal);
}
