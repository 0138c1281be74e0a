using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gatehouse.Control.Console;

/// <summary>
/// The authentication schemes, less the console's OpenID Connect handler among those ASP.NET Core's authentication
/// middleware asks, on every request, whether the request is theirs.
/// </summary>
/// <remarks>
/// Asking builds the handler (options, events, the request's cookies) for every data-path request, whose path can never
/// be the console's. The console's callbacks are endpoints under <c>/console</c> instead (<see cref="ConsoleCallbacks"/>),
/// which ask the same handler; every other use of the scheme (challenge, sign-out) is unchanged.
/// </remarks>
internal sealed class ConsoleRequestSchemes(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
{
    // Replaced whole (one reference), so a reader never sees one collection's source with another's result.
    private volatile Filtered? _filtered;

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var all = await base.GetRequestHandlerSchemesAsync().ConfigureAwait(false);

        // The base returns the same collection until a scheme is added or removed: filter once per collection.
        if (_filtered is { } known && ReferenceEquals(known.From, all))
        {
            return known.Kept;
        }

        AuthenticationScheme[] kept = [.. all.Where(s => !string.Equals(s.Name, ConsoleSchemes.Oidc, StringComparison.Ordinal))];
        _filtered = new Filtered(all, kept);
        return kept;
    }

    private sealed record Filtered(IEnumerable<AuthenticationScheme> From, AuthenticationScheme[] Kept);
}
