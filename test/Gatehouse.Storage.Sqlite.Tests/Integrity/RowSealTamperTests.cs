using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Sqlite.Approvals;
using Gatehouse.Storage.Sqlite.Grants;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Sqlite.Tests.Integrity;

/// <summary>Keys, approvals and grants are sealed into the chain: a row edited, inserted or deleted directly is named.</summary>
public sealed class RowSealTamperTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Start);
    private SqliteStore _store = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _store = _database.Open();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task UntouchedRows_AfterEveryKindOfChange_AllMatchTheirSeals()
    {
        var (key, approval, grant) = await FillAsync();

        var report = await _store.VerifyRowSealsAsync(Token);

        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
        Assert.Equal(3, report.RowsChecked);
        Assert.True((await new AuditVerifier(_store).VerifyAsync(Token)).IsIntact);
        var kinds = new List<string>();
        await foreach (var entry in _store.ReadAllAsync(Token))
        {
            kinds.Add(entry.Kind + ":" + entry.ExchangeId);
        }

        Assert.Contains("key.created:" + key, kinds);
        Assert.Contains("key.revoked:" + key, kinds);
        Assert.Equal(3, kinds.Count(k => k == "row.sealed:" + approval));
        Assert.Equal(3, kinds.Count(k => k == "row.sealed:" + grant));
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

        _database.Execute(sql);
        var report = await _store.VerifyRowSealsAsync(Token);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((table, id), (problem.Table, problem.Id));
        Assert.Contains("edited", problem.What, StringComparison.Ordinal);
        Assert.True((await new AuditVerifier(_store).VerifyAsync(Token)).IsIntact, "the chain itself is untouched");
    }

    [Fact]
    public async Task RowInsertedOrDeletedDirectly_IsNamed()
    {
        var ids = await FillAsync();

        _database.Execute("INSERT INTO api_keys (id, name, groups, secret_hash, created_ticks, owner) VALUES ('gk_forged', 'backdoor', '[\"admins\"]', x'00', 1, NULL)");
        _database.Execute($"DELETE FROM approvals WHERE id = '{ids.Approval}'");
        var report = await _store.VerifyRowSealsAsync(Token);

        Assert.Contains(report.Problems, p => p is { Table: "api_keys", Id: "gk_forged" } && p.What.Contains("no seal", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Table == "approvals" && p.Id == ids.Approval && p.What.Contains("deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RowsOfADatabaseFromBeforeSeals_AreSealedByTheUpgrade()
    {
        await FillAsync();
        await _store.DisposeAsync();
        _database.Execute("""
            DELETE FROM audit_entries WHERE kind IN ('key.created', 'key.revoked', 'row.sealed');
            DELETE FROM audit_head;
            ALTER TABLE api_keys DROP COLUMN owner;
            ALTER TABLE reviews DROP COLUMN reviewer_name;
            ALTER TABLE reviews DROP COLUMN reviewer_email;
            UPDATE schema_version SET version = 6;
            """);

        _store = _database.Open();
        var report = await _store.VerifyRowSealsAsync(Token);

        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
        Assert.Equal(3, report.RowsChecked);
    }

    private async Task<(string Key, string Approval, string Grant)> FillAsync()
    {
        var key = new ApiKeyRecord { Id = "gk_test1", Name = "ci-bot", Owner = "email:kai@example.com", Groups = ["ci"], SecretHash = new byte[32], CreatedAt = Start };
        Assert.True(await _store.CreateAsync(key, Token));
        Assert.True(await _store.RevokeAsync("ci-bot", Start.AddMinutes(1), Token));

        var approvals = new SqliteApprovalStore(_store, _time);
        var approval = (await approvals.CreateAsync(Draft(reviewers: Reviewers(approvals: 2)), Token)).Value!;
        await approvals.ReviewAsync(approval.Id, Bob, ReviewDecision.Approve, "fine", Token);
        await approvals.ReviewAsync(approval.Id, Carol, ReviewDecision.Reject, "no", Token);

        var grants = new SqliteGrantStore(_store, _time);
        var grant = (await grants.RequestAsync(new GrantDraft { Requester = Dave, Connection = "prod", Duration = TimeSpan.FromHours(2), Reason = "incident", Reviewers = Reviewers() }, Token)).Value!;
        await grants.ReviewAsync(grant.Id, Bob, ReviewDecision.Approve, "on call", Token);
        _time.Advance(TimeSpan.FromMinutes(5));
        await grants.RevokeAsync(grant.Id, Dave, Token);
        return (key.Id, approval.Id, grant.Id);
    }
}
