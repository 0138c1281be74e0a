using Gatehouse.Audit.Records;

namespace Gatehouse.Gateway.Exchanges;

/// <summary>Why a stage ends an exchange before forwarding: the status, stable code and message the client gets.</summary>
internal sealed record Refusal(int Status, ExchangeFailureCode Code, string Title, string Detail)
{
    /// <summary>
    /// Gets members the problem carries besides its own, or null: an MCP refusal's JSON-RPC error, which the
    /// specification requires in the body of some 400s (see <see cref="Problems.GatehouseProblem.Members"/>).
    /// </summary>
    public Action<System.Text.Json.Utf8JsonWriter>? Members { get; init; }
}
