using System.Buffers;

namespace Gatehouse.Masking.Streaming;

/// <summary>Writes text as the inside of a JSON string: quotes, backslashes, controls and surrogates escaped.</summary>
internal static class JsonEscaper
{
    public static void Write(ReadOnlySpan<char> text, IBufferWriter<char> output)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    output.Write("\\\"");
                    break;
                case '\\':
                    output.Write("\\\\");
                    break;
                case '\n':
                    output.Write("\\n");
                    break;
                case '\r':
                    output.Write("\\r");
                    break;
                case '\t':
                    output.Write("\\t");
                    break;
                default:
                    if (c < 0x20 || char.IsSurrogate(c))
                    {
                        output.Write("\\u");
                        output.Write(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Write([c]);
                    }

                    break;
            }
        }
    }
}
