using static Gatehouse.Policy.Tests.TestPolicies;

namespace Gatehouse.Policy.Tests;

public sealed class EvaluatorTests
{
    private const string Layered = """
        rules:
          - name: everyone-may-chat
            match: {api: [chat, messages]}
            effect: allow
          - name: contractors-hold
            match: {groups: [contractors]}
            effect: require_approval
            approval: {reviewer_groups: [security], approvals: 2}
          - name: contractors-hold-again
            match: {groups: [contractors]}
            effect: require_approval
            approval: {reviewer_users: [carol]}
          - name: no-prod-for-interns
            match: {groups: [interns], connections: [prod]}
            effect: deny
            reason: interns cannot use the production connection
          - name: mask-prod
            match: {connections: [prod]}
            masking: {request: block, response: mask}
          - name: loosen-prod
            match: {connections: [prod]}
            effect: allow
            masking: {request: off}
            audit: metadata
          - name: full-audit-contractors
            match: {groups: [contractors]}
            audit: full
        """;

    private static readonly PolicyEvaluator Evaluator = new(Load(Layered));

    [Theory]
    [InlineData("dev", "openai", PolicyEffect.Allow, "everyone-may-chat")]
    [InlineData("contractors", "openai", PolicyEffect.RequireApproval, "contractors-hold")]
    [InlineData("interns", "prod", PolicyEffect.Deny, "no-prod-for-interns")]
    [InlineData("interns", "openai", PolicyEffect.Allow, "everyone-may-chat")]
    public void Evaluate_LayeredRules_StrictestEffectWins(string group, string connection, PolicyEffect effect, string decidedBy)
    {
        var decision = Evaluator.Evaluate(Exchange(groups: [group], connection: connection));

        Assert.Equal(effect, decision.Effect);
        Assert.Equal(decidedBy, decision.DecidedBy);
    }

    [Fact]
    public void Evaluate_DenyAfterAllows_DenyWinsWithItsReasonAndFullTrail()
    {
        var decision = Evaluator.Evaluate(Exchange(groups: ["interns", "contractors"], connection: "prod"));

        Assert.Equal(PolicyEffect.Deny, decision.Effect);
        Assert.Equal("interns cannot use the production connection", decision.Reason);
        Assert.Null(decision.Approval);
        Assert.Equal(
            ["everyone-may-chat", "contractors-hold", "contractors-hold-again", "no-prod-for-interns", "mask-prod", "loosen-prod", "full-audit-contractors"],
            decision.Trail.Select(t => t.Rule));
    }

    [Fact]
    public void Evaluate_TwoApprovalRules_FirstSuppliesTheRequirement()
    {
        var decision = Evaluator.Evaluate(Exchange(groups: ["contractors"]));

        Assert.Equal(["security"], decision.Approval!.ReviewerGroups);
        Assert.Equal(2, decision.Approval.Approvals);
    }

    [Fact]
    public void Evaluate_MaskingAndAudit_StricterPerDirectionAndFullWins()
    {
        var prod = Evaluator.Evaluate(Exchange(connection: "prod"));
        var prodContractor = Evaluator.Evaluate(Exchange(connection: "prod", groups: ["contractors"]));

        Assert.Equal(new MaskingOverrides(MaskingMode.Block, MaskingMode.Mask), prod.Masking);
        Assert.Equal(AuditLevel.Metadata, prod.Audit);
        Assert.Equal(AuditLevel.Full, prodContractor.Audit);
    }

    [Fact]
    public void Evaluate_AnnotationOnlyRule_DoesNotAllow()
    {
        var evaluator = new PolicyEvaluator(Load("""
            rules:
              - name: metadata-only
                match: {}
                audit: metadata
            """));

        var decision = evaluator.Evaluate(Exchange());

        Assert.Equal(PolicyEffect.Deny, decision.Effect);
        Assert.Null(decision.DecidedBy);
        Assert.Equal(AuditLevel.Metadata, decision.Audit);
        Assert.Single(decision.Trail);
    }

    [Theory]
    [InlineData("", PolicyEffect.Deny, "no rule matched; denied by the policy default")]
    [InlineData("default: deny\n", PolicyEffect.Deny, "no rule matched; denied by the policy default")]
    [InlineData("default: allow\n", PolicyEffect.Allow, "no rule matched; allowed by the policy default")]
    public void Evaluate_NothingMatches_DefaultDecides(string settings, PolicyEffect effect, string reason)
    {
        var evaluator = new PolicyEvaluator(Load(settings + "rules:\n  - name: other\n    match: {connections: [elsewhere]}\n    effect: allow\n"));

        var decision = evaluator.Evaluate(Exchange());

        Assert.Equal(effect, decision.Effect);
        Assert.Equal(reason, decision.Reason);
        Assert.Empty(decision.Trail);
    }

    [Fact]
    public void Evaluate_DenyWithoutReason_ReasonNamesTheRule()
    {
        var decision = DenyWhen("{}").Evaluate(Exchange());

        Assert.Equal("denied by policy rule 'target'", decision.Reason);
    }

    [Fact]
    public void Evaluate_ManyThreads_SameDecisions()
    {
        var context = Exchange(groups: ["contractors"]).WithTool("Edit", """{"file_path":"src/auth/a.cs"}""");
        var expected = Evaluator.Evaluate(context);

        Parallel.For(0, 2000, _ => Assert.Equal(expected.Effect, Evaluator.Evaluate(context).Effect));
    }
}
