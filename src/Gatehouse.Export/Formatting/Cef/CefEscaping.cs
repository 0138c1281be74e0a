using System.Text;

namespace Gatehouse.Export.Formatting.Cef;

/// <summary>CEF's escaping rules: header fields escape <c>\</c> and <c>|</c>; extension values escape <c>\</c>, <c>=</c> and line breaks.</summary>
/// <remarks>
/// A header field cannot hold a line break at all (the format is one line), so one becomes a space. In extension
/// values CR and LF are written as the two-character sequences <c>\r</c> and <c>\n</c>, as the format specifies.
/// </remarks>
internal static class CefEscaping
{
    public static void AppendHeader(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '|':
                    builder.Append(@"\|");
                    break;
                case '\r' or '\n':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }

    public static void AppendValue(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '=':
                    builder.Append(@"\=");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }
}
