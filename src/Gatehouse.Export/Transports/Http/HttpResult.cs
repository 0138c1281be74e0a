using System.Net;

namespace Gatehouse.Export.Transports.Http;

/// <summary>The status and (size-capped) body of a destination's answer.</summary>
internal readonly record struct HttpResult(HttpStatusCode Status, ReadOnlyMemory<byte> Body)
{
    public bool IsSuccess => (int)Status is >= 200 and <= 299;

    public int Code => (int)Status;
}
