namespace Gatehouse.Gateway.Secrets;

/// <summary>
/// Keeps a key the gateway generated for itself (development issuer, fingerprint key) in a file only its owner can
/// read, created once: if another process created it first, theirs is used, so both agree.
/// </summary>
internal static class PrivateFile
{
    /// <summary>Returns the file's bytes, creating it from <paramref name="create"/> with mode 0600 when it is missing.</summary>
    public static byte[] ReadOrCreate(string path, Func<byte[]> create)
    {
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
        {
            _ = OperatingSystem.IsWindows()
                ? Directory.CreateDirectory(directory)
                : Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var content = create();
        try
        {
            using var file = new FileStream(path, options);
            file.Write(content);
            return content;
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }
    }
}
