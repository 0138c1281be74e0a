using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Control.AuditApi;

/// <summary>The query parameters of <c>GET /api/audit</c>, all read as text so every bad value gets its own message.</summary>
internal sealed record AuditSearchParameters
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(
        ["user", "group", "connection", "model", "decision", "rule", "finding", "status", "from", "to", "text", "cursor", "limit"],
        StringComparer.OrdinalIgnoreCase);

    [FromQuery(Name = "user"), Description("The requester's subject or e-mail.")]
    public string? User { get; init; }

    [FromQuery(Name = "group"), Description("A group the requester held at the time.")]
    public string? Group { get; init; }

    [FromQuery(Name = "connection"), Description("The connection name.")]
    public string? Connection { get; init; }

    [FromQuery(Name = "model"), Description("The model requested or answering.")]
    public string? Model { get; init; }

    [FromQuery(Name = "decision"), Description("The decision: allow, deny, hold, ...")]
    public string? Decision { get; init; }

    [FromQuery(Name = "rule"), Description("A policy rule that decided the exchange.")]
    public string? Rule { get; init; }

    [FromQuery(Name = "finding"), Description("A masking finding category in the request or response: secret, pii or internal.")]
    public string? Finding { get; init; }

    [FromQuery(Name = "status"), Description("The HTTP status sent to the client, such as 200 or 403.")]
    public string? Status { get; init; }

    [FromQuery(Name = "from"), Description("The earliest start time, inclusive (RFC 3339, such as 2026-11-25T08:00:00Z).")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("The latest start time, exclusive (RFC 3339).")]
    public string? To { get; init; }

    [FromQuery(Name = "text"), Description("Words or \"quoted phrases\" that must each appear in the masked prompt or response; a trailing * matches a prefix.")]
    public string? Text { get; init; }

    [FromQuery(Name = "cursor"), Description("The nextCursor of the previous page.")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "limit"), Description("The page size, 1 to 500; the default is 50.")]
    public string? Limit { get; init; }
}
