namespace Gatehouse.Audit.Chain;

/// <summary>The last committed entry's sequence and hash, stored beside the log and updated with every batch.</summary>
public sealed record AuditHead(long Sequence, byte[] Hash);
