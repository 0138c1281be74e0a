namespace Gatehouse.Export.Transports.File;

/// <summary>Shifts <c>path</c> to <c>path.1</c>, <c>path.1</c> to <c>path.2</c>, ..., dropping what is beyond <c>keep</c>.</summary>
internal static class FileRotation
{
    public static void Rotate(string path, int keep)
    {
        if (keep <= 0)
        {
            System.IO.File.Delete(path);
            return;
        }

        System.IO.File.Delete(Numbered(path, keep));
        for (var i = keep - 1; i >= 1; i--)
        {
            var from = Numbered(path, i);
            if (System.IO.File.Exists(from))
            {
                System.IO.File.Move(from, Numbered(path, i + 1));
            }
        }

        System.IO.File.Move(path, Numbered(path, 1));
    }

    public static string Numbered(string path, int index) =>
        $"{path}.{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
