using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Grants;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>Review lists page newest first, ties in the order they were created, and following the cursor reaches each item once.</summary>
public abstract class ReviewPagingContract : ProviderTest
{
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public async Task ApprovalPages_ManyCreatedAtOneInstant_EveryOneOnceNewestFirst()
    {
        var approvals = Provider.Approvals(await Provider.OpenAsync(Token), _time);
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await approvals.CreateAsync(Draft("edit " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Token)).Value!.Id);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        var newest = (await approvals.CreateAsync(Draft("edit 5"), Token)).Value!.Id;
        await approvals.ReviewAsync(created[1], Bob, ReviewDecision.Approve, null, Token);

        var all = await ReadAllAsync(after => approvals.ListPageAsync(null, after, 2, Token));
        var pending = await ReadAllAsync(after => approvals.ListPageAsync(ReviewState.Pending, after, 2, Token));
        var approved = await ReadAllAsync(after => approvals.ListPageAsync(ReviewState.Approved, after, 2, Token));

        Assert.Equal([newest, .. Enumerable.Reverse(created)], all.Select(r => r.Id));
        Assert.Equal([newest, created[4], created[3], created[2], created[0]], pending.Select(r => r.Id));
        Assert.Equal([created[1]], approved.Select(r => r.Id));
    }

    [Fact]
    public async Task GrantPages_PendingOnly_AsOfNow_EveryOneOnce()
    {
        var grants = Provider.Grants(await Provider.OpenAsync(Token), _time);
        var draft = new GrantDraft { Requester = Alice, Connection = "prod", Duration = TimeSpan.FromHours(1), Reason = "incident", Reviewers = Reviewers() };
        var expiring = (await grants.RequestAsync(draft with { Timeout = TimeSpan.FromMinutes(1) }, Token)).Value!.Id;
        var pending = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            pending.Add((await grants.RequestAsync(draft, Token)).Value!.Id);
        }

        _time.Advance(TimeSpan.FromMinutes(2));
        var page = await ReadAllAsync(after => grants.ListPageAsync(true, after, 1, Token));
        var everything = await ReadAllAsync(after => grants.ListPageAsync(false, after, 3, Token));

        Assert.Equal(Enumerable.Reverse(pending), page.Select(g => g.Id));
        Assert.Equal([.. Enumerable.Reverse(pending), expiring], everything.Select(g => g.Id));
        Assert.Equal(ReviewState.TimedOut, everything[^1].State);
    }

    private static async Task<List<T>> ReadAllAsync<T>(Func<string?, Task<ReviewPage<T>>> page)
    {
        var items = new List<T>();
        string? after = null;
        do
        {
            var next = await page(after);
            items.AddRange(next.Items);
            after = next.Next;
        }
        while (after is not null);

        return items;
    }
}
