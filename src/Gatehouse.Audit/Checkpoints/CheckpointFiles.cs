using System.Globalization;
using System.Text;

namespace Gatehouse.Audit.Checkpoints;

/// <summary>Writes checkpoints as note files, never overwriting one.</summary>
internal static class CheckpointFiles
{
    public static async Task<string> WriteAsync(string directory, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var stem = string.Create(CultureInfo.InvariantCulture, $"checkpoint-{checkpoint.TreeSize:D12}-{checkpoint.Time.ToUnixTimeSeconds()}");
        var (path, file) = CreateNew(directory, stem);
        await using (file.ConfigureAwait(false))
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes(CheckpointText.FormatNote(checkpoint)), cancellationToken).ConfigureAwait(false);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        return path;
    }

    // Two checkpoints of the same size within one second (a manual one beside the gateway's) each get their own file.
    private static (string Path, FileStream File) CreateNew(string directory, string stem)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = attempt == 0 ? stem : string.Create(CultureInfo.InvariantCulture, $"{stem}-{attempt}");
            var path = Path.Combine(directory, name + ".txt");
            try
            {
                return (path, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true));
            }
            catch (IOException) when (attempt < 100 && File.Exists(path))
            {
                // Taken: try the next suffix.
            }
        }
    }
}
