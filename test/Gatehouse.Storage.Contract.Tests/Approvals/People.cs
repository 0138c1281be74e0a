using Gatehouse.Storage.Approvals;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>The cast of the review tests: a requester who is also a reviewer, two reviewers, a bystander, a named user.</summary>
internal static class People
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly Principal Alice = new() { Subject = "alice", Email = "alice@example.com", Groups = ["dev", "security"] };

    public static readonly Principal Bob = new() { Subject = "bob", Email = "bob@example.com", Groups = ["security"] };

    public static readonly Principal Carol = new() { Subject = "carol", Email = "carol@example.com", Groups = ["security", "dev"] };

    public static readonly Principal Dave = new() { Subject = "dave", Email = "dave@example.com", Groups = ["dev"] };

    public static readonly Principal Erin = new() { Subject = "erin", Email = "Erin@Example.com", Groups = [] };

    public static ReviewPolicy Reviewers(int approvals = 1, int denyThreshold = 1) => new()
    {
        ReviewerGroups = ["security"],
        ReviewerUsers = ["erin@example.com"],
        ApprovalsNeeded = approvals,
        DenyThreshold = denyThreshold,
    };

    public static ApprovalDraft Draft(string body = "rm -rf src/auth", Principal? requester = null, ReviewPolicy? reviewers = null) => new()
    {
        ExchangeId = "ex-" + body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ContentDigest = ApprovalRequest.DigestOf(System.Text.Encoding.UTF8.GetBytes(body)),
        Requester = requester ?? Alice,
        Connection = "openai",
        RuleName = "auth-edits",
        Reviewers = reviewers ?? Reviewers(),
        Hold = HeldPart.Response,
        Justification = "fixing the login bug",
    };
}
