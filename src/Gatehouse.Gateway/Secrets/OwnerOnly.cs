using System.Globalization;
using System.Runtime.InteropServices;

namespace Gatehouse.Gateway.Secrets;

/// <summary>
/// Keeps key and database files to their owner: new ones are created 0600 in a 0700 folder, and an existing key file
/// that others may read or write, or that belongs to another user, is refused with the command that fixes it.
/// </summary>
/// <remarks>
/// A key readable by others is as good as published (anyone on the host could mint development tokens or sign
/// checkpoints), and a key owned by someone else can be replaced by them. On Windows the folder's ACL is the control and
/// nothing is checked here. The owner is read with <c>statx(2)</c> on Linux; where that is not available only the mode is checked.
/// </remarks>
internal static class OwnerOnly
{
    /// <summary>The mode of a file only its owner may read and write: 0600.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The mode of a folder only its owner may enter: 0700.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode Others =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Returns why the existing file at <paramref name="path"/> must not hold a key, or null when it may.</summary>
    /// <remarks>The sentence names the file and the fix, never the file's content.</remarks>
    public static string? Problem(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        var owner = OwnerOf(full);
        if (owner is { } uid && EffectiveUser() is { } me && uid != me)
        {
            return $"the key file '{full}' belongs to another user (uid {uid.ToString(CultureInfo.InvariantCulture)}); " +
                $"make it yours and private: chown $(id -u) {full} && chmod 600 {full}";
        }

        var mode = File.GetUnixFileMode(full);
        if ((mode & Others) != 0)
        {
            return $"the key file '{full}' can be read or changed by other users (mode {Octal(mode)}); make it private: chmod 600 {full}";
        }

        return null;
    }

    /// <summary>Creates <paramref name="directory"/> (and any missing parent) as 0700 when it does not exist.</summary>
    public static void CreateDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        _ = OperatingSystem.IsWindows() ? Directory.CreateDirectory(directory) : Directory.CreateDirectory(directory, DirectoryMode);
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8);

    private static uint? OwnerOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct statx: stx_uid is the u32 at offset 20 on every Linux architecture.
        var buffer = new byte[256];
        try
        {
            return StatX(AtCurrentDirectory, path, 0, StatXUid, buffer) == 0 ? BitConverter.ToUInt32(buffer, 20) : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // An older C library without statx: the mode is still checked.
            return null;
        }
    }

    private static uint? EffectiveUser()
    {
        try
        {
            return GetEffectiveUser();
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatXUid = 0x8;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int StatX(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "geteuid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint GetEffectiveUser();
}
