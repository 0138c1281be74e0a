using System.Buffers;
using System.Globalization;
using System.Text;

namespace Gatehouse.Export.Transports.Syslog;

/// <summary>Formats an export event as one RFC 5424 message.</summary>
/// <remarks>
/// <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME gatehouse PROCID MSGID [gatehouse@32473 seq="N"] MSG</c>. MSG is the payload as
/// BOM-less UTF-8 (RFC 5424's MSG-ANY): CEF and JSON consumers do not expect a BOM. Header fields are cut to their
/// RFC lengths and anything outside printable US-ASCII becomes '_', so a strange host or kind cannot break the header.
/// </remarks>
internal sealed class SyslogMessageWriter
{
    /// <summary>The structured-data element id; 32473 is the private enterprise number RFC 5424 reserves for examples.</summary>
    public const string StructuredDataId = "gatehouse@32473";

    private const string AppName = "gatehouse";

    private readonly int _facility;
    private readonly byte[] _hostAppProc;

    public SyslogMessageWriter(int facility, string hostname, string processId)
    {
        _facility = facility;
        _hostAppProc = Encoding.ASCII.GetBytes($" {HeaderField(hostname, 255)} {AppName} {HeaderField(processId, 128)} ");
    }

    /// <summary>Maps the export severity to a syslog severity code (RFC 5424 table 2).</summary>
    public static int SeverityCode(ExportSeverity severity) => severity switch
    {
        ExportSeverity.Error => 3,
        ExportSeverity.Warning => 4,
        ExportSeverity.Notice => 5,
        _ => 6,
    };

    /// <summary>
    /// Appends the message for <paramref name="e"/>, cutting MSG (at a character boundary) so that the message is at
    /// most <paramref name="maxBytes"/> long; returns the length the whole message would have had.
    /// </summary>
    public int Write(ExportEvent e, IBufferWriter<byte> output, int maxBytes = int.MaxValue)
    {
        var header = output.GetSpan(600);
        var length = 0;
        length += Ascii(header[length..], $"<{(_facility * 8) + SeverityCode(e.Severity)}>1 ");
        e.Time.UtcDateTime.TryFormat(header[length..], out var written, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        length += written;
        _hostAppProc.CopyTo(header[length..]);
        length += _hostAppProc.Length;
        length += Ascii(header[length..], HeaderField(e.Kind, 32));
        length += Ascii(header[length..], $" [{StructuredDataId} seq=\"");
        e.Sequence.TryFormat(header[length..], out written, default, CultureInfo.InvariantCulture);
        length += written;
        length += Ascii(header[length..], "\"]");
        output.Advance(length);

        var payload = e.Payload.Span;
        if (payload.IsEmpty)
        {
            return length;
        }

        var full = length + 1 + payload.Length;
        var room = Math.Max(0, maxBytes - length - 1);
        if (payload.Length > room)
        {
            payload = payload[..CharacterBoundary(payload, room)];
            if (payload.IsEmpty)
            {
                return full;
            }
        }

        var body = output.GetSpan(payload.Length + 1);
        body[0] = (byte)' ';
        payload.CopyTo(body[1..]);
        output.Advance(payload.Length + 1);
        return full;
    }

    private static int Ascii(Span<byte> destination, string text) => Encoding.ASCII.GetBytes(text, destination);

    // Backs up over UTF-8 continuation bytes (10xxxxxx) so a cut never splits a character.
    private static int CharacterBoundary(ReadOnlySpan<byte> utf8, int limit)
    {
        var cut = limit;
        while (cut > 0 && cut < utf8.Length && (utf8[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return cut;
    }

    private static string HeaderField(string value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var text = value.Length > maxLength ? value[..maxLength] : value;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= '!' and <= '~' ? source[i] : '_';
            }
        });
    }
}
