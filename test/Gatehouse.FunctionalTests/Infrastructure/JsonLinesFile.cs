using System.Text.Json;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>Reads a JSON Lines file another process may still be writing.</summary>
internal static class JsonLinesFile
{
    /// <summary>
    /// The lines that parse, in order; none when the file does not exist yet. A torn line (one being written, or cut by
    /// a kill) does not parse and is skipped, as a reader must.
    /// </summary>
    public static List<JsonElement> Read(string path)
    {
        var lines = new List<JsonElement>();
        if (!File.Exists(path))
        {
            return lines;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                lines.Add(document.RootElement.Clone());
            }
            catch (JsonException)
            {
                // Torn: skipped.
            }
        }

        return lines;
    }
}
