using System.Globalization;
using System.Text;

namespace Gatehouse.Audit.Checkpoints;

/// <summary>Writes checkpoints as note files, never overwriting one.</summary>
internal static class CheckpointFiles
{
    public static async Task<string> WriteAsync(string directory, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var name = string.Create(CultureInfo.InvariantCulture,
            $"checkpoint-{checkpoint.TreeSize:D12}-{checkpoint.Time.ToUnixTimeSeconds()}.txt");
        var path = Path.Combine(directory, name);
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes(CheckpointText.FormatNote(checkpoint)), cancellationToken).ConfigureAwait(false);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        return path;
    }
}
