using System.Text;

namespace Gatehouse.Export.Formatting.Cef;

/// <summary>Appends <c>key=value</c> extension pairs, space-separated and escaped; null values are left out.</summary>
internal readonly struct CefExtensions(StringBuilder line)
{
    private readonly int _start = line.Length;

    public void Add(string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (line.Length > _start)
        {
            line.Append(' ');
        }

        line.Append(key).Append('=');
        CefEscaping.AppendValue(line, value);
    }

    /// <summary>Adds a custom field with its label (<c>cs1Label=connection cs1=...</c>).</summary>
    public void Custom(string key, string label, string? value)
    {
        if (value is null)
        {
            return;
        }

        Add(key + "Label", label);
        Add(key, value);
    }
}
