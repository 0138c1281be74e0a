using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gatehouse.Export.Tests.Transports.Syslog;

/// <summary>A received syslog message, parsed strictly against the RFC 5424 grammar this product emits.</summary>
internal sealed partial record Rfc5424Message(
    int Priority, DateTimeOffset Timestamp, string Hostname, string AppName, string ProcId, string MsgId, long Sequence, string? Msg)
{
    public int Facility => Priority / 8;

    public int Severity => Priority % 8;

    public static Rfc5424Message Parse(byte[] raw)
    {
        Assert.False(raw is [0xEF, 0xBB, 0xBF, ..], "a message must not start with a BOM");
        var text = Encoding.UTF8.GetString(raw);
        var match = Grammar().Match(text);
        Assert.True(match.Success, $"not an RFC 5424 message: {text}");
        var timestamp = DateTimeOffset.ParseExact(match.Groups["ts"].Value, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return new Rfc5424Message(
            int.Parse(match.Groups["pri"].Value, CultureInfo.InvariantCulture),
            timestamp,
            match.Groups["host"].Value,
            match.Groups["app"].Value,
            match.Groups["proc"].Value,
            match.Groups["msgid"].Value,
            long.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture),
            match.Groups["msg"].Success ? match.Groups["msg"].Value : null);
    }

    // PRI (0-191), VERSION 1, RFC 3339 timestamp in UTC with microseconds, printable-ASCII header fields with their
    // RFC maximum lengths, the one SD element, then optional SP MSG.
    [GeneratedRegex("""
        ^<(?<pri>1?[0-9]{1,2})>1 (?<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z) (?<host>[!-~]{1,255}) (?<app>[!-~]{1,48}) (?<proc>[!-~]{1,128}) (?<msgid>[!-~]{1,32}) \[gatehouse@32473 seq="(?<seq>\d+)"\](?: (?<msg>.*))?$
        """, RegexOptions.Singleline)]
    private static partial Regex Grammar();
}
