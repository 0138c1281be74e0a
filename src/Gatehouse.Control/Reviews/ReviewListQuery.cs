using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Control.Reviews;

/// <summary>
/// The paging of the review lists (<c>/api/approvals</c>, <c>/api/access/requests</c>): <c>limit</c> (default 100, at
/// most 500) and <c>after</c> (the cursor); the next page's URL is sent as <c>Link: &lt;...&gt;; rel="next"</c>.
/// </summary>
/// <remarks>
/// The body stays a JSON array, so existing clients keep working; a client that wants everything follows the links
/// until there is none. A page may hold fewer items than the limit (only what the caller may see is listed), and only
/// the absence of a next link means the end.
/// </remarks>
internal sealed record ReviewListQuery(string? After, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>Reads the query, or returns the problem's detail when <c>limit</c> is not a number from 1 to 500.</summary>
    public static (ReviewListQuery? Query, string? Problem) Read(HttpRequest request)
    {
        var text = request.Query["limit"].ToString();
        var limit = DefaultLimit;
        if (text.Length > 0 && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return (null, $"limit must be a whole number from 1 to {MaxLimit}.");
        }

        var after = request.Query["after"].ToString();
        return (new ReviewListQuery(after.Length == 0 ? null : after, limit), null);
    }

    /// <summary>Sets the <c>Link</c> header to the next page when there is one.</summary>
    public void LinkNext(HttpContext context, string? next)
    {
        if (next is null)
        {
            return;
        }

        var query = QueryString.Create(context.Request.Query
            .Where(q => q.Key is not ("after" or "limit"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("limit", Limit.ToString(CultureInfo.InvariantCulture)))
            .Append(new("after", next)));
        context.Response.Headers.Link = $"<{context.Request.PathBase}{context.Request.Path}{query}>; rel=\"next\"";
    }
}
