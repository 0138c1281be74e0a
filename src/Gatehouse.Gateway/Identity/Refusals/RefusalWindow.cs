using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Exchanges;

namespace Gatehouse.Gateway.Identity.Refusals;

/// <summary>The refusals of one source, code and status since the first of the interval, which was audited on its own.</summary>
internal sealed class RefusalWindow(DateTimeOffset opened)
{
    private DateTimeOffset? _since;
    private string? _method;
    private string? _connection;
    private string? _userAgent;

    public DateTimeOffset Opened { get; } = opened;

    /// <summary>Gets how many refusals came after the first.</summary>
    public int Count { get; private set; }

    public int Throttled { get; private set; }

    public void Add(bool throttled, DateTimeOffset now, Exchange exchange, string? connection)
    {
        if (Count == 0)
        {
            (_since, _method, _connection, _userAgent) = (now, exchange.Method, connection, exchange.UserAgent);
        }

        Count++;
        Throttled += throttled ? 1 : 0;
    }

    public SignInFailure ToRecord(string code, int status, string? address, DateTimeOffset now) => new()
    {
        RequestId = Guid.CreateVersion7(now).ToString("D"),
        Code = code,
        Status = status,
        Method = _method,
        Connection = _connection is { Length: > 0 and <= 64 } ? _connection : null,
        ClientAddress = address,
        UserAgent = _userAgent,
        Count = Count,
        Throttled = Throttled,
        Since = _since,
    };
}
