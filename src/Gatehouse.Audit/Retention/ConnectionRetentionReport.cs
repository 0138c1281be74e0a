namespace Gatehouse.Audit.Retention;

/// <summary>What a retention run did (or, dry, would do) on one connection.</summary>
/// <param name="Connection">The connection name.</param>
/// <param name="BodiesBefore">The body cut-off, or null when bodies are kept for ever.</param>
/// <param name="RecordsBefore">The record cut-off, or null when records are kept for ever.</param>
/// <param name="BodiesRemoved">Bodies removed (entries keep their body hash).</param>
/// <param name="EntriesTombstoned">Entries reduced to tombstones.</param>
/// <param name="ExchangesHeld">Expired exchanges a legal hold kept.</param>
public sealed record ConnectionRetentionReport(
    string Connection,
    DateTimeOffset? BodiesBefore,
    DateTimeOffset? RecordsBefore,
    long BodiesRemoved,
    long EntriesTombstoned,
    int ExchangesHeld);
