using Gatehouse.Cli;

namespace Gatehouse.AccessCommands;

/// <summary>Formats the access API's JSON for people: a table for lists, a page for one request.</summary>
internal static class AccessText
{
    private static readonly (string, string)[] Columns =
    [
        ("ID", "id"), ("STATE", "state"), ("REQUESTER", "requester"), ("CONNECTION", "connection"), ("FOR", "duration"),
        ("CREATED (UTC)", "createdAt"), ("ENDS (UTC)", "endsAt"),
    ];

    private static readonly (string, string)[] Fields =
    [
        ("id", "id"), ("state", "state"), ("requester", "requester"), ("connection", "connection"), ("duration", "duration"), ("reason", "reason"),
        ("created", "createdAt"), ("resolved", "resolvedAt"), ("ends", "endsAt"), ("revoked", "revokedAt"), ("revoked by", "revokedBy"),
    ];

    public static string Describe(string json) => ApiText.Describe(json, Columns, Fields);
}
