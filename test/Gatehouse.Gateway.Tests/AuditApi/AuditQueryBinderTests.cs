using Gatehouse.Audit.Store;
using Gatehouse.Control.AuditApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Gatehouse.Gateway.Tests.AuditApi;

public sealed class AuditQueryBinderTests
{
    [Fact]
    public void Bind_EveryFilter_LandsInTheQuery()
    {
        var parameters = new AuditSearchParameters
        {
            User = "dana@example.com", Group = "dev", Connection = "openai", Model = "gpt-test", Decision = "deny", Rule = "block-prod",
            Finding = "secret", Status = "403", From = "2026-11-25T08:00:00Z", To = "2026-11-25T10:00:00+01:00", Text = "webhook",
            Cursor = ExchangeCursor.Encode(77), Limit = "20",
        };
        var errors = new List<string>();

        var query = AuditQueryBinder.Bind(parameters, Raw("user", "group", "connection", "model", "decision", "rule", "finding", "status", "from", "to", "text", "cursor", "limit"), errors);

        Assert.Empty(errors);
        Assert.Equal(
            new ExchangeQuery
            {
                User = "dana@example.com", Group = "dev", Connection = "openai", Model = "gpt-test", Decision = "deny", Rule = "block-prod",
                FindingCategory = "secret", Status = 403, From = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero),
                To = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), Text = "webhook", Before = 77, Limit = 20,
            },
            query);
    }

    [Fact]
    public void Bind_SeveralMistakes_ReportsEachOne()
    {
        var parameters = new AuditSearchParameters { Status = "ok", Limit = "0", From = "soon", Cursor = "not-a-cursor" };
        var errors = new List<string>();

        AuditQueryBinder.Bind(parameters, Raw("status", "limit", "from", "cursor", "sort"), errors);

        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("status", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("limit", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("from", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("cursor", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("'sort' is not a filter", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_Nothing_IsTheFirstPageOfEverything()
    {
        var errors = new List<string>();

        var query = AuditQueryBinder.Bind(new AuditSearchParameters { User = " ", Text = "" }, Raw(), errors);

        Assert.Empty(errors);
        Assert.Equal(new ExchangeQuery(), query);
    }

    private static QueryCollection Raw(params string[] keys) => new(keys.ToDictionary(k => k, _ => new StringValues("x")));
}
