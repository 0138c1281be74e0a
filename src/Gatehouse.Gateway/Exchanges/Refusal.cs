namespace Gatehouse.Gateway.Exchanges;

/// <summary>Why a stage ends an exchange before forwarding: the status, stable code and message the client gets.</summary>
internal sealed record Refusal(int Status, string Code, string Title, string Detail);
