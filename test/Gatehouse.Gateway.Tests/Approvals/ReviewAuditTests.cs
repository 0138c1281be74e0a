using System.Text.Json;
using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gatehouse.Gateway.Tests.Approvals;

/// <summary>The one review audit writer: each kind keeps its record shape, and every kind's events reach the observers.</summary>
public sealed class ReviewAuditTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Principal Alice = new() { Subject = "alice", Email = "alice@example.com", Groups = ["dev"] };

    [Fact]
    public async Task GrantEvents_ReachTheSameObserversAsApprovalEvents_InTheGrantRecordShape()
    {
        var trail = new CapturingTrail();
        var observer = new RecordingObserver();
        var audit = new ReviewAudit(trail, [observer], NullLogger<ReviewAudit>.Instance);
        var grant = AccessGrant.Open(
            new GrantDraft { Requester = Alice, Connection = "prod", Duration = TimeSpan.FromHours(2), Reason = "incident 42", Reviewers = new ReviewPolicy { ReviewerGroups = ["leads"] } },
            Now);
        var cancel = ReviewProcess.Cancel(grant, Alice, Now.AddMinutes(1));

        await audit.RecordAsync(grant, [ReviewProcess.Opened(grant)], TestContext.Current.CancellationToken);
        await audit.RecordAsync(grant.Apply(cancel), cancel.Events, TestContext.Current.CancellationToken);

        Assert.Equal(["grant.requested", "grant.cancelled"], observer.Names);
        Assert.Equal(["grant.requested", "grant.cancelled"], trail.Drafts.Select(d => d.Kind));
        var requested = JsonDocument.Parse(trail.Drafts[0].Payload).RootElement;
        var cancelled = JsonDocument.Parse(trail.Drafts[1].Payload).RootElement;
        Assert.Equal((grant.Id, "incident 42", "2h"), (requested.GetProperty("grantId").GetString(), requested.GetProperty("text").GetString(), requested.GetProperty("duration").GetString()));
        Assert.Equal(("alice", grant.Id), (cancelled.GetProperty("actor").GetString(), trail.Drafts[1].ExchangeId));
    }

    [Fact]
    public async Task ApprovalEvents_KeepTheApprovalRecordShape()
    {
        var trail = new CapturingTrail();
        var observer = new RecordingObserver();
        var audit = new ReviewAudit(trail, [observer], NullLogger<ReviewAudit>.Instance);
        var request = ApprovalRequest.Open(
            new ApprovalDraft
            {
                ExchangeId = "ex-1",
                ContentDigest = ApprovalRequest.DigestOf([1, 2, 3]),
                Requester = Alice,
                Connection = "openai",
                RuleName = "auth-edits",
                Reviewers = new ReviewPolicy { ReviewerGroups = ["leads"] },
                Hold = HeldPart.Request,
                Justification = "held",
            },
            Now);

        await audit.RecordAsync(ReviewProcess.Cancel(request, Alice, Now).Events, TestContext.Current.CancellationToken);

        var record = JsonDocument.Parse(Assert.Single(trail.Drafts).Payload).RootElement;
        Assert.Equal(("approval.cancelled", request.Id, "ex-1", "alice"),
            (record.GetProperty("event").GetString(), record.GetProperty("approvalId").GetString(), trail.Drafts[0].ExchangeId, record.GetProperty("reviewer").GetString()));
        Assert.Equal(["approval.cancelled"], observer.Names);
    }

    [Fact]
    public async Task GrantEvent_WithoutItsGrant_IsABug()
    {
        var audit = new ReviewAudit(new CapturingTrail(), [], NullLogger<ReviewAudit>.Instance);
        var grant = AccessGrant.Open(
            new GrantDraft { Requester = Alice, Connection = "prod", Duration = TimeSpan.FromHours(1), Reason = "r", Reviewers = new ReviewPolicy { ReviewerGroups = ["leads"] } },
            Now);

        await Assert.ThrowsAsync<ArgumentException>(() => audit.RecordAsync([ReviewProcess.Opened(grant)], TestContext.Current.CancellationToken));
    }

    private sealed class RecordingObserver : IApprovalEvents
    {
        public List<string> Names { get; } = [];

        public void Recorded(ReviewEvent change) => Names.Add(change.Name);
    }

    private sealed class CapturingTrail : IAuditTrail
    {
        public List<AuditEntryDraft> Drafts { get; } = [];

        public ValueTask<AuditWriteResult> RecordIntentAsync(ExchangeIntent intent, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<AuditWriteResult> RecordOutcomeAsync(ExchangeOutcome outcome, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<AuditWriteResult> AppendAsync(AuditEntryDraft draft, CancellationToken cancellationToken)
        {
            Drafts.Add(draft);
            return ValueTask.FromResult(AuditWriteResult.Committed(Drafts.Count));
        }
    }
}
