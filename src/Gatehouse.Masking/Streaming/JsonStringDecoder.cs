using System.Buffers;
using System.Globalization;

namespace Gatehouse.Masking.Streaming;

/// <summary>Decodes the inside of a JSON string one character at a time, across fragment boundaries.</summary>
internal sealed class JsonStringDecoder
{
    private int _state;
    private int _hex;
    private int _hexDigits;

    /// <summary>Feeds one character of a string's JSON text; decoded characters go to <paramref name="decoded"/>.</summary>
    /// <returns>True when <paramref name="c"/> is the closing quote.</returns>
    public bool Feed(char c, IBufferWriter<char> decoded)
    {
        switch (_state)
        {
            case 0 when c == '"':
                return true;
            case 0 when c == '\\':
                _state = 1;
                return false;
            case 0:
                decoded.Write([c]);
                return false;
            case 1 when c == 'u':
                _state = 2;
                _hex = 0;
                _hexDigits = 0;
                return false;
            case 1:
                _state = 0;
                decoded.Write([Unescape(c)]);
                return false;
            default:
                _hex = (_hex * 16) + (int.TryParse([c], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var digit) ? digit : 0);
                if (++_hexDigits == 4)
                {
                    _state = 0;
                    decoded.Write([(char)_hex]);
                }

                return false;
        }
    }

    private static char Unescape(char c) => c switch
    {
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'b' => '\b',
        'f' => '\f',
        _ => c,
    };
}
