using System.Text;
using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Tests;

public sealed class ExportEventTests
{
    [Fact]
    public void ExportEvent_SamePayloadBytes_KeepsSequenceAndKind()
    {
        var payload = Encoding.UTF8.GetBytes("{\"seq\":7}");
        var e = new ExportEvent(7, DateTimeOffset.UnixEpoch, "exchange.intent", ExportSeverity.Informational, payload, IsJson: true);

        Assert.Equal(7, e.Sequence);
        Assert.Equal("exchange.intent", e.Kind);
        Assert.Equal("{\"seq\":7}", Encoding.UTF8.GetString(e.Payload.Span));
    }
}
