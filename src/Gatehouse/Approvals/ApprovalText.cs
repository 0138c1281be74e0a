using Gatehouse.Cli;

namespace Gatehouse.Approvals;

/// <summary>Formats the approvals API's JSON for people: a table for lists, a page for one request.</summary>
internal static class ApprovalText
{
    private static readonly (string, string)[] Columns =
    [
        ("ID", "id"), ("STATE", "state"), ("REQUESTER", "requester"), ("CONNECTION", "connection"), ("RULE", "rule"), ("HELD", "held"),
        ("CREATED (UTC)", "createdAt"),
    ];

    private static readonly (string, string)[] Fields =
    [
        ("id", "id"), ("state", "state"), ("requester", "requester"), ("connection", "connection"), ("rule", "rule"), ("held", "held"),
        ("justification", "justification"), ("exchangeId", "exchangeId"), ("contentDigest", "contentDigest"), ("created", "createdAt"),
        ("held content", "heldContent"),
    ];

    public static string Describe(string json) => ApiText.Describe(json, Columns, Fields);
}
