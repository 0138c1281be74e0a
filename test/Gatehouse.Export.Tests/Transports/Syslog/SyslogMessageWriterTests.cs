using System.Buffers;
using System.Text;
using CsCheck;
using Gatehouse.Export.Transports;
using Gatehouse.Export.Transports.Syslog;
using Gatehouse.Testing;

namespace Gatehouse.Export.Tests.Transports.Syslog;

public sealed class SyslogMessageWriterTests
{
    [Theory]
    [InlineData(ExportSeverity.Informational, 0, 6)]
    [InlineData(ExportSeverity.Notice, 4, 37)]
    [InlineData(ExportSeverity.Warning, 13, 108)]
    [InlineData(ExportSeverity.Error, 23, 187)]
    public void Write_SeverityAndFacility_GivesRfc5424Priority(ExportSeverity severity, int facility, int priority)
    {
        var message = Format(new SyslogMessageWriter(facility, "h", "1"), TestEvents.Json(1, severity: severity));

        Assert.Equal(priority, message.Priority);
    }

    [Fact]
    public void Write_HeaderFieldsWithSpacesOrEmpty_StayOneTokenEach()
    {
        var writer = new SyslogMessageWriter(13, "gate way ü", "");
        var e = TestEvents.Json(5, kind: "kind with spaces and a very long tail beyond thirty-two");

        var message = Format(writer, e);

        Assert.Equal(("gate_way__", "-"), (message.Hostname, message.ProcId));
        Assert.Equal("kind_with_spaces_and_a_very_long", message.MsgId);
        Assert.Equal(TestEvents.PayloadText(e), message.Msg);
    }

    [Fact]
    public void Write_AnyPayloadAndLimit_ProducesValidUtf8WithinLimit()
    {
        var writer = new SyslogMessageWriter(13, "gw", "1");
        Gen.Select(Gen.String, Gen.Int[0, 600]).ForAll((text, limit) =>
        {
            var e = TestEvents.Text(9, text);
            var output = new ArrayBufferWriter<byte>();
            var full = writer.Write(e, output, limit);
            var bytes = output.WrittenSpan.ToArray();

            var original = TestEvents.PayloadText(e);
            var header = Encoding.ASCII.GetString(bytes).IndexOf("\"]", StringComparison.Ordinal) + 2;
            var message = Rfc5424Message.Parse(bytes);

            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            Assert.Equal(9, message.Sequence);
            Assert.InRange(bytes.Length, header, Math.Max(limit, header));
            Assert.StartsWith(message.Msg ?? "", original, StringComparison.Ordinal);
            Assert.Equal(full <= limit ? original : message.Msg ?? "", message.Msg ?? "");
        });
    }

    private static Rfc5424Message Format(SyslogMessageWriter writer, ExportEvent e)
    {
        var output = new ArrayBufferWriter<byte>();
        writer.Write(e, output);
        return Rfc5424Message.Parse(output.WrittenSpan.ToArray());
    }
}
