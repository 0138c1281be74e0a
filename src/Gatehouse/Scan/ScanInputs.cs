using System.Text;

namespace Gatehouse.Scan;

/// <summary>
/// Enumerates what <c>gatehouse scan</c> reads: files, directories (recursively, skipping version-control and build
/// output folders) and standard input (<c>-</c>). Binary and oversized files are skipped, and said so.
/// </summary>
internal static class ScanInputs
{
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private static readonly HashSet<string> SkippedDirectories =
        new([".git", ".hg", ".svn", "bin", "obj", "node_modules", ".gatehouse", ".vs", ".idea"], StringComparer.Ordinal);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEnumerable<string> Files(IEnumerable<string> paths, TextWriter notes)
    {
        foreach (var path in paths)
        {
            if (path == "-" || File.Exists(path))
            {
                yield return path;
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Walk(path))
                {
                    yield return file;
                }
            }
            else
            {
                notes.WriteLine($"gatehouse: '{path}' does not exist; skipped");
            }
        }
    }

    /// <summary>Reads a file as UTF-8 text; null (after a note) for binary, undecodable or oversized files.</summary>
    public static async Task<string?> ReadAsync(string path, TextReader stdin, TextWriter notes, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            return await stdin.ReadToEndAsync(cancellationToken);
        }

        var info = new FileInfo(path);
        if (info.Length > MaxFileBytes)
        {
            await notes.WriteLineAsync($"gatehouse: '{path}' is larger than {MaxFileBytes} bytes; skipped");
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        if (bytes.AsSpan().Contains((byte)0))
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            await notes.WriteLineAsync($"gatehouse: '{path}' is not UTF-8 text; skipped");
            return null;
        }
    }

    private static IEnumerable<string> Walk(string directory)
    {
        var pending = new Stack<string>([directory]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(current).Order(StringComparer.Ordinal).Reverse())
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(sub)) && !new DirectoryInfo(sub).Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(current).Order(StringComparer.Ordinal))
            {
                yield return file;
            }
        }
    }
}
