namespace Gatehouse.Gateway.Secrets;

/// <summary>
/// Keeps a key the gateway generated for itself (development issuer, fingerprint key) in a file only its owner can
/// read, created once: if another process created it first, theirs is used, so both agree.
/// </summary>
internal static class PrivateFile
{
    /// <summary>Returns the file's bytes, creating it from <paramref name="create"/> with mode 0600 (in a 0700 folder) when it is missing.</summary>
    /// <exception cref="KeyFileException">The existing file may be read or changed by others, or belongs to another user.</exception>
    public static byte[] ReadOrCreate(string path, Func<byte[]> create)
    {
        if (File.Exists(path))
        {
            return Read(path);
        }

        OwnerOnly.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly.FileMode;
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
            return Read(path);
        }
    }

    private static byte[] Read(string path)
        => OwnerOnly.Problem(path) is { } problem ? throw new KeyFileException(problem) : File.ReadAllBytes(path);
}
