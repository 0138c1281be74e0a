namespace Gatehouse.Gateway.Decisions;

/// <summary>Maps <see cref="ExchangeDecision"/> to the stable names of audit records, audit queries and metrics.</summary>
internal static class ExchangeDecisionNames
{
    /// <summary>Returns the stable name: <c>allow</c>, <c>deny</c> or <c>held</c>.</summary>
    public static string ToName(this ExchangeDecision decision) => decision switch
    {
        ExchangeDecision.Allow => "allow",
        ExchangeDecision.Deny => "deny",
        ExchangeDecision.Held => "held",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "not a decision"),
    };

    /// <summary>Parses a stable name back; returns false for any other string.</summary>
    public static bool TryParse(string? name, out ExchangeDecision decision)
    {
        (var known, decision) = name switch
        {
            "allow" => (true, ExchangeDecision.Allow),
            "deny" => (true, ExchangeDecision.Deny),
            "held" => (true, ExchangeDecision.Held),
            _ => (false, default),
        };
        return known;
    }
}
