using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Grants;
using Gatehouse.Storage.Integrity;
using Gatehouse.Storage.Keys;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Contract.Tests.Integrity;

/// <summary>
/// Keys, approvals and grants are sealed into the chain on every provider, and its row-seal verifier names a row edited,
/// inserted or deleted directly in the database while the chain itself still verifies.
/// </summary>
public abstract class RowSealContract : ProviderTest
{
    private readonly FakeTimeProvider _time = new(Start);
    private IAuditCheckpointStore? _store;

    [Fact]
    public async Task UntouchedRows_AfterEveryKindOfChange_AllMatchTheirSeals()
    {
        await FillAsync();

        var report = await Verifier().VerifyRowSealsAsync(Token);

        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
        Assert.Equal(3, report.RowsChecked);
    }

    [Theory]
    [InlineData("api_keys", "UPDATE api_keys SET groups = '[\"admins\"]'")]
    [InlineData("api_keys", "UPDATE api_keys SET revoked_ticks = NULL")]
    [InlineData("approvals", "UPDATE approvals SET state = 'approved', expires_ticks = 700000000000000000")]
    [InlineData("approvals", "UPDATE reviews SET decision = 'approve' WHERE request_id LIKE 'apr_%'")]
    [InlineData("grants", "UPDATE grants SET duration_ticks = duration_ticks * 100")]
    [InlineData("grants", "UPDATE grants SET revoked_ticks = NULL, revoked_by = NULL")]
    public async Task RowEditedDirectly_IsNamedByTableAndId(string table, string sql)
    {
        var ids = await FillAsync();
        var id = table switch { "api_keys" => ids.Key, "approvals" => ids.Approval, _ => ids.Grant };

        await Provider.ExecuteAsync(sql, Token);
        var report = await Verifier().VerifyRowSealsAsync(Token);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((table, id), (problem.Table, problem.Id));
        Assert.Contains("edited", problem.What, StringComparison.Ordinal);
        Assert.NotNull(problem.Sequence);
        Assert.True((await new AuditVerifier(_store!).VerifyAsync(Token)).IsIntact, "the chain itself is untouched");
    }

    [Fact]
    public async Task RowInsertedOrDeletedDirectly_IsNamed()
    {
        var ids = await FillAsync();

        await Provider.ExecuteAsync(
            "INSERT INTO api_keys (id, name, groups, secret_hash, created_ticks, owner) "
            + $"VALUES ('gk_forged', 'backdoor', '[\"admins\"]', {Provider.ZeroBlob(1)}, 1, NULL)",
            Token);
        await Provider.ExecuteAsync($"DELETE FROM reviews WHERE request_id = '{ids.Approval}'", Token);
        await Provider.ExecuteAsync($"DELETE FROM approvals WHERE id = '{ids.Approval}'", Token);
        var report = await Verifier().VerifyRowSealsAsync(Token);

        Assert.Equal(2, report.Problems.Count);
        Assert.Contains(report.Problems, p => p is { Table: "api_keys", Id: "gk_forged", Sequence: null } && p.What.Contains("no seal", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Table == "approvals" && p.Id == ids.Approval && p.What.Contains("deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reopened_OnTheSameDatabase_ChecksWhatAnotherInstanceSealed()
    {
        var ids = await FillAsync();
        var other = (IRowSealVerifier)await Provider.OpenAsync(Token);

        Assert.True((await other.VerifyRowSealsAsync(Token)).IsIntact);
        await Provider.ExecuteAsync($"UPDATE grants SET connection = 'prod-eu' WHERE id = '{ids.Grant}'", Token);
        Assert.Equal(("grants", ids.Grant), (await other.VerifyRowSealsAsync(Token)).Problems.Select(p => (p.Table, p.Id)).Single());
    }

    private IRowSealVerifier Verifier() =>
        Assert.IsAssignableFrom<IRowSealVerifier>(_store);

    private async Task<(string Key, string Approval, string Grant)> FillAsync()
    {
        _store = await Provider.OpenAsync(Token);
        var keys = (IApiKeyStore)_store;
        var key = new ApiKeyRecord { Id = "gk_test1", Name = "ci-bot", Owner = "email:kai@example.com", Groups = ["ci"], SecretHash = new byte[32], CreatedAt = Start };
        Assert.True(await keys.CreateAsync(key, Token));
        Assert.True(await keys.RevokeAsync("ci-bot", Start.AddMinutes(1), Token));

        var approvals = Provider.Approvals(_store, _time);
        var approval = (await approvals.CreateAsync(Draft(reviewers: Reviewers(approvals: 2)), Token)).Value!;
        await approvals.ReviewAsync(approval.Id, Bob, ReviewDecision.Approve, "fine", Token);
        await approvals.ReviewAsync(approval.Id, Carol, ReviewDecision.Reject, "no", Token);

        var grants = Provider.Grants(_store, _time);
        var grant = (await grants.RequestAsync(new GrantDraft { Requester = Dave, Connection = "prod", Duration = TimeSpan.FromHours(2), Reason = "incident", Reviewers = Reviewers() }, Token)).Value!;
        await grants.ReviewAsync(grant.Id, Bob, ReviewDecision.Approve, "on call", Token);
        _time.Advance(TimeSpan.FromMinutes(5));
        await grants.RevokeAsync(grant.Id, Dave, Token);
        return (key.Id, approval.Id, grant.Id);
    }
}
