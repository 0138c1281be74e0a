using System.Diagnostics;

namespace Gatehouse.Gateway.Telemetry;

/// <summary>The gateway's trace source and the stable names of its tags.</summary>
internal static class GatewayTelemetry
{
    public const string SourceName = "Gatehouse.Gateway";
    public const string MeterName = "Gatehouse.Gateway";

    public const string ExchangeTag = "gatehouse.exchange_id";
    public const string ConnectionTag = "gatehouse.connection";
    public const string ApiTag = "gatehouse.api";
    public const string DecisionTag = "gatehouse.decision";
    public const string SubjectTag = "gatehouse.subject";
    public const string FailureTag = "gatehouse.failure";

    public static readonly ActivitySource Source = new(SourceName);
}
