using System.Diagnostics.Metrics;

namespace Gatehouse.Storage.Contract.Tests.Postgres;

internal sealed class PlainMeterFactory : IMeterFactory
{
    public Meter Create(MeterOptions options) => new(options);

    public void Dispose()
    {
    }
}
