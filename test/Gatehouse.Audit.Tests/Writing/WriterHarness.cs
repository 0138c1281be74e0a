using Gatehouse.Audit.Tests.Fakes;
using Gatehouse.Audit.Writing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Audit.Tests.Writing;

/// <summary>A writer over an in-memory store, with its meters, disposed together.</summary>
internal sealed class WriterHarness : IAsyncDisposable
{
    public WriterHarness(AuditWriterOptions? options = null)
    {
        Writer = new AuditWriter(Store, options ?? new AuditWriterOptions(), Time, Meters, Logger);
    }

    public MemoryAuditStore Store { get; } = new();

    public FakeTimeProvider Time { get; } = new(Exchanges.Start);

    public TestMeterFactory Meters { get; } = new();

    public FakeLogger<AuditWriter> Logger { get; } = new();

    public AuditWriter Writer { get; }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        Meters.Dispose();
    }
}
