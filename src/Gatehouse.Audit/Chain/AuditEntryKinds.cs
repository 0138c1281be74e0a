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

    /// <summary>A caller the gateway could not identify (401, or 503 when the issuer or key store was down).</summary>
    public const string SignInFailed = "identity.refused";

    /// <summary>Returns whether <paramref name="kind"/> ends an exchange.</summary>
    public static bool EndsExchange(string kind) => kind is Outcome or Interrupted;
}
