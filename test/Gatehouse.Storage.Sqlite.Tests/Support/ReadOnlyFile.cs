using System.Diagnostics;

namespace Gatehouse.Storage.Sqlite.Tests.Support;

/// <summary>Makes files read-only even for root (which ignores permission bits) by also setting the immutable flag.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class ReadOnlyFile : IDisposable
{
    private readonly string[] _paths;

    public ReadOnlyFile(params string[] paths)
    {
        _paths = paths.Where(File.Exists).ToArray();
        foreach (var path in _paths)
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            if (Environment.UserName == "root")
            {
                Chattr("+i", path);
            }
        }
    }

    public void Dispose()
    {
        foreach (var path in _paths)
        {
            if (Environment.UserName == "root")
            {
                Chattr("-i", path);
            }

            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static void Chattr(string flag, string path)
    {
        using var process = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chattr {flag} failed: {process.StandardError.ReadToEnd()}");
        }
    }
}
