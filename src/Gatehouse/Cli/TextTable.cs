using System.Text;

namespace Gatehouse.Cli;

/// <summary>Renders rows as a plain, aligned text table for people.</summary>
internal static class TextTable
{
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        if (all.Count == 0)
        {
            return "(none)\n";
        }

        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in all)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        AppendRow(text, headers, widths);
        foreach (var row in all)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append("  ");
            }

            text.Append(i == cells.Count - 1 ? cells[i] : cells[i].PadRight(widths[i]));
        }

        text.Append('\n');
    }
}
