using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Sampling;

/// <summary>Log messages of the MCP sampling switch (event ids 1984-1987): connections, exchanges and statuses, never a message's content.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1984, Level = LogLevel.Warning,
        Message = "MCP server of connection '{Connection}' sent sampling/createMessage in exchange {ExchangeId}; withheld from the client and refused (mcp.sampling: deny)")]
    public static partial void SamplingRefused(ILogger logger, string connection, string exchangeId);

    [LoggerMessage(EventId = 1985, Level = LogLevel.Warning,
        Message = "The refusal of a sampling request could not be delivered to the MCP server of connection '{Connection}' (exchange {ExchangeId}): {Reason}")]
    public static partial void AnswerFailed(ILogger logger, string connection, string exchangeId, string reason);

    [LoggerMessage(EventId = 1986, Level = LogLevel.Error,
        Message = "Too many sampling refusals waiting to be sent; the MCP server of connection '{Connection}' gets no answer for one (exchange {ExchangeId})")]
    public static partial void QueueFull(ILogger logger, string connection, string exchangeId);

    [LoggerMessage(EventId = 1987, Level = LogLevel.Error, Message = "The audit entry mcp.sampling.refused for exchange {ExchangeId} was not written: {Error}")]
    public static partial void AuditFailed(ILogger logger, string exchangeId, string error);
}
