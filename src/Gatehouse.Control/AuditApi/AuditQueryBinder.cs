using System.Globalization;
using Gatehouse.Audit.Store;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Control.AuditApi;

/// <summary>Turns the query string of <c>GET /api/audit</c> into an <see cref="ExchangeQuery"/>, collecting every error.</summary>
internal static class AuditQueryBinder
{
    public static ExchangeQuery Bind(AuditSearchParameters p, IQueryCollection raw, List<string> errors)
    {
        foreach (var key in raw.Keys.Where(k => !AuditSearchParameters.Names.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add($"'{key}' is not a filter (filters: {string.Join(", ", AuditSearchParameters.Names.Order(StringComparer.Ordinal))})");
        }

        var query = new ExchangeQuery
        {
            User = Text(p.User),
            Group = Text(p.Group),
            Connection = Text(p.Connection),
            Model = Text(p.Model),
            Decision = Text(p.Decision),
            Rule = Text(p.Rule),
            FindingCategory = Text(p.Finding),
            Status = Number(p.Status, "status", 0, 999, errors),
            From = Time(p.From, "from", errors),
            To = Time(p.To, "to", errors),
            Text = Text(p.Text),
            Limit = Number(p.Limit, "limit", int.MinValue, int.MaxValue, errors) ?? ExchangeQuery.DefaultLimit,
        };
        if (!ExchangeCursor.TryDecode(Text(p.Cursor), out var before))
        {
            errors.Add("cursor is not one a previous page returned (pass its nextCursor unchanged)");
        }

        query = query with { Before = before };
        errors.AddRange(query.Validate());
        return query;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? Number(string? value, string name, int min, int max, List<string> errors)
    {
        if (Text(value) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors.Add($"{name} must be a whole number{(max < int.MaxValue ? $" from {min} to {max}" : "")}, not '{text}'");
        return null;
    }

    private static DateTimeOffset? Time(string? value, string name, List<string> errors)
    {
        if (Text(value) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        errors.Add($"{name} must be a time such as 2026-11-25T08:00:00Z, not '{text}'");
        return null;
    }
}
