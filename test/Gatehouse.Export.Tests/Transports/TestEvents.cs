using System.Text;
using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Tests.Transports;

/// <summary>Builds export events for the transport tests.</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 30, 15, 123, TimeSpan.Zero);

    public static ExportEvent Json(long sequence, string kind = "exchange.intent", ExportSeverity severity = ExportSeverity.Informational)
        => new(sequence, Start.AddMilliseconds(sequence), kind, severity,
            Encoding.UTF8.GetBytes($$"""{"seq":{{sequence}},"user":"émile","note":"café ☕"}"""), IsJson: true);

    public static ExportEvent Text(long sequence, string payload, ExportSeverity severity = ExportSeverity.Notice)
        => new(sequence, Start.AddMilliseconds(sequence), "exchange.outcome", severity, Encoding.UTF8.GetBytes(payload), IsJson: false);

    public static List<ExportEvent> LargeBatch(int count, int payloadBytes)
        => [.. Enumerable.Range(1, count).Select(i => Text(i, new string('x', payloadBytes)))];

    public static List<ExportEvent> JsonBatch(long first, int count)
        => [.. Enumerable.Range(0, count).Select(i => Json(first + i))];

    public static string PayloadText(ExportEvent e) => Encoding.UTF8.GetString(e.Payload.Span);
}
