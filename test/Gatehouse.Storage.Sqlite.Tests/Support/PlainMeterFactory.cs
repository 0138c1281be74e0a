using System.Diagnostics.Metrics;

namespace Gatehouse.Storage.Sqlite.Tests.Support;

internal sealed class PlainMeterFactory : IMeterFactory
{
    public Meter Create(MeterOptions options) => new(options);

    public void Dispose()
    {
    }
}
