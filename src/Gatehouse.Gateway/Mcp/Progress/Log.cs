using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Progress;

/// <summary>Log events 1995-1996: held MCP calls answered on an event stream while they wait. Never arguments or results.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1995, Level = LogLevel.Debug,
        Message = "Exchange {ExchangeId}: the held MCP call is answered on an event stream while it waits ({Kind} every {Interval})")]
    public static partial void Streaming(ILogger logger, string exchangeId, string kind, TimeSpan interval);

    [LoggerMessage(EventId = 1996, Level = LogLevel.Error,
        Message = "Exchange {ExchangeId}: the approval store failed while the MCP call waited for review; the call was not forwarded")]
    public static partial void StoreFailed(ILogger logger, string exchangeId, Exception error);
}
