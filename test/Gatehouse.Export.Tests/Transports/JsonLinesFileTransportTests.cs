using System.Text;
using Gatehouse.Export.Transports;
using Gatehouse.Export.Transports.File;

namespace Gatehouse.Export.Tests.Transports;

public sealed class JsonLinesFileTransportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-jsonl-").FullName;

    private string FilePath => Path.Combine(_directory, "audit.jsonl");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task DeliverAsync_TwoBatches_AppendsOneLinePerEventInOrder()
    {
        await using (var transport = Open())
        {
            await transport.DeliverAsync([Event(1), Event(2)], CancellationToken.None);
            await transport.DeliverAsync([Event(3)], CancellationToken.None);
        }

        Assert.Equal(["{\"seq\":1}", "{\"seq\":2}", "{\"seq\":3}"], await File.ReadAllLinesAsync(FilePath, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DeliverAsync_TornLastLineFromACrash_StartsTheNextEventOnItsOwnLine()
    {
        await File.WriteAllTextAsync(FilePath, "{\"seq\":1}\n{\"seq\":2}\n{\"se", TestContext.Current.CancellationToken);

        await using (var transport = Open())
        {
            await transport.DeliverAsync([Event(3)], CancellationToken.None);
        }

        var lines = await File.ReadAllLinesAsync(FilePath, TestContext.Current.CancellationToken);
        Assert.Equal(["{\"seq\":1}", "{\"seq\":2}", "{\"se", "{\"seq\":3}"], lines);
    }

    [Fact]
    public async Task DeliverAsync_PastMaxBytes_RotatesBetweenBatchesKeepingN()
    {
        await using (var transport = Open(maxBytes: 20, keep: 2))
        {
            for (var seq = 1; seq <= 8; seq++)
            {
                await transport.DeliverAsync([Event(seq), Event(seq + 100)], CancellationToken.None);
            }
        }

        Assert.Equal(["{\"seq\":8}", "{\"seq\":108}"], await File.ReadAllLinesAsync(FilePath, TestContext.Current.CancellationToken));
        Assert.Equal(["{\"seq\":7}", "{\"seq\":107}"], await File.ReadAllLinesAsync(FilePath + ".1", TestContext.Current.CancellationToken));
        Assert.Equal(["{\"seq\":6}", "{\"seq\":106}"], await File.ReadAllLinesAsync(FilePath + ".2", TestContext.Current.CancellationToken));
        Assert.False(File.Exists(FilePath + ".3"));
    }

    [Fact]
    public async Task DeliverAsync_PathIsADirectory_ThrowsDeliveryExceptionNamingTheFile()
    {
        Directory.CreateDirectory(FilePath);
        await using var transport = Open();

        var error = await Assert.ThrowsAsync<ExportDeliveryException>(async () => await transport.DeliverAsync([Event(1)], CancellationToken.None));

        Assert.Contains(FilePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_PayloadWithALineBreak_IsRefusedAsABug()
    {
        await using var transport = Open();
        var broken = new ExportEvent(1, DateTimeOffset.UnixEpoch, "k", ExportSeverity.Informational, "a\nb"u8.ToArray(), IsJson: false);

        await Assert.ThrowsAsync<ArgumentException>(async () => await transport.DeliverAsync([broken], CancellationToken.None));
    }

    private IExportTransport Open(long maxBytes = 1 << 20, int keep = 3) =>
        new FileTransportConfig { Path = FilePath, MaxBytes = maxBytes, Keep = keep }.Create(new(
            "file", TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

    private static ExportEvent Event(long seq) =>
        new(seq, DateTimeOffset.UnixEpoch, "k", ExportSeverity.Informational, Encoding.UTF8.GetBytes($"{{\"seq\":{seq}}}"), IsJson: true);
}
