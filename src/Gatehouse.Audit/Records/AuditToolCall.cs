namespace Gatehouse.Audit.Records;

/// <summary>A tool call as the audit keeps it.</summary>
public sealed record AuditToolCall(string? Id, string Name, string Arguments);
