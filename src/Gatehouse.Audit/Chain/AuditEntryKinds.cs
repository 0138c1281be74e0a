namespace Gatehouse.Audit.Chain;

/// <summary>The entry kinds the product writes today; the log accepts any kind, so later features add their own.</summary>
public static class AuditEntryKinds
{
    /// <summary>An exchange's intent, durable before the upstream is called.</summary>
    public const string Intent = "exchange.intent";

    /// <summary>An exchange's outcome.</summary>
    public const string Outcome = "exchange.outcome";

    /// <summary>Written at start-up for an intent that never got an outcome (the process stopped mid-exchange).</summary>
    public const string Interrupted = "exchange.interrupted";

    /// <summary>Returns whether <paramref name="kind"/> ends an exchange.</summary>
    public static bool EndsExchange(string kind) => kind is Outcome or Interrupted;
}
