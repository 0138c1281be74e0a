namespace Gatehouse.Control.AuditApi;

/// <summary>A page of <c>GET /api/audit</c>: newest first, and the cursor of the next page (null on the last).</summary>
internal sealed record AuditPageView(IReadOnlyList<AuditSummaryView> Items, string? NextCursor);
