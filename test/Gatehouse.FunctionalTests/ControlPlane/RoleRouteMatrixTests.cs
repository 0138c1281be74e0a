using System.Net;
using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.ApiKeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.FunctionalTests.ControlPlane;

/// <summary>
/// Every API route the running gateway maps, called as every kind of caller: anonymous, a developer, a reviewer (whose
/// rights come from rules, not roles), an auditor, an admin, and API keys with and without a role. The routes are read
/// from the gateway's own endpoint list, so a route added without a policy fails here rather than shipping open.
/// </summary>
public sealed class RoleRouteMatrixTests : GatewayTest
{
    private static readonly string[] Personas = ["anonymous", "developer", "reviewer", "auditor", "admin", "key", "admin-key"];

    // API routes deliberately without a control-plane policy, each with the reason. Anything else under /api/ or
    // /console must carry an authorization policy or an explicit anonymous allowance.
    private static readonly Dictionary<string, string> NotControlPlane = new(StringComparer.Ordinal)
    {
        ["/api/agents/connect"] = "the data plane's agent tunnel: an agent token, checked by the tunnel's own handshake",
    };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void EveryControlPlaneRoute_StatesAPolicyOrAnAllowance()
    {
        var unguarded = ApiRoutes()
            .Where(r => r.Policy is null && !r.Anonymous && !NotControlPlane.ContainsKey(r.Pattern))
            .Select(r => $"{r.Method} {r.Pattern}")
            .ToList();

        Assert.True(unguarded.Count == 0, "routes mapped with neither an authorization policy nor an explicit allowance: " + string.Join(", ", unguarded));
    }

    [Fact]
    public void NotControlPlaneList_NamesOnlyRoutesThatExist()
    {
        var mapped = ApiRoutes().Select(r => r.Pattern).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(NotControlPlane.Keys, p => !mapped.Contains(p));
    }

    [Fact]
    public async Task EveryGuardedRoute_AnswersEachRoleAsItsPolicySays()
    {
        var routes = ApiRoutes().Where(r => r.Policy is not null || r.Anonymous).ToList();
        Assert.Contains(routes, r => r.Policy == "gatehouse:admin");
        Assert.Contains(routes, r => r.Policy == "gatehouse:auditor");
        Assert.Contains(routes, r => r.Policy == "gatehouse:caller");
        Assert.Contains(routes, r => r.Policy == "gatehouse:console");
        Assert.All(["/api/reviews", "/api/approvals/{id}/approve", "/api/access/requests", "/api/access/requests/{id}/revoke"],
            p => Assert.Contains(routes, r => r.Pattern == p && r.Policy == "gatehouse:caller"));
        var clients = await ClientsAsync();
        var wrong = new List<string>();
        foreach (var route in routes)
        {
            foreach (var persona in Personas)
            {
                var expected = Expected(route, persona);
                using var response = await SendAsync(clients[persona], route);
                var status = (int)response.StatusCode;
                var ok = expected switch
                {
                    401 => status == 401 && response.Headers.WwwAuthenticate.Count > 0 && IsProblem(response),
                    403 => status == 403 && IsProblem(response),
                    302 => status == 302 && response.Headers.Location is not null,
                    _ => status is not (401 or 403),
                };
                if (!ok)
                {
                    wrong.Add($"{route.Method} {route.Pattern} as {persona}: expected {(expected == 0 ? "not 401/403" : expected)}, got {status}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task AdminRoute_RefusedRole_GetsTheEndpointsOwnProblem()
    {
        var clients = await ClientsAsync();

        using var agents = await clients["auditor"].GetAsync("api/agents", Token);
        using var proof = await clients["key"].GetAsync("api/audit/x/proof", Token);

        Assert.Equal(HttpStatusCode.Forbidden, agents.StatusCode);
        Assert.Contains("agents_forbidden", await agents.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, proof.StatusCode);
        Assert.Contains("proof_forbidden", await proof.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    // Access to 'locked' can be requested, so that asking for it is decided by the caller policy alone: any identified
    // caller may ask (the request is then a review item like any other).
    protected override GatehouseConfig Adjust(GatehouseConfig config) => config with
    {
        Roles = new RolesConfig
        {
            Admin = new RoleMembers { Groups = ["security"] },
            Auditor = new RoleMembers { Groups = ["audit"] },
        },
        Access = new AccessConfig
        {
            Connections = new Dictionary<string, AccessConnectionConfig> { ["locked"] = new() { ReviewerGroups = ["leads"], MaxDuration = TimeSpan.FromHours(4) } },
        },
    };

    private static int Expected(Route route, string persona)
    {
        if (route.Anonymous)
        {
            return 0;
        }

        // Console pages open on a console session only: every caller here presents none (an API key or a bearer token
        // never counts), so each is sent to sign in.
        if (route.Policy == "gatehouse:console")
        {
            return 302;
        }

        if (persona == "anonymous")
        {
            return 401;
        }

        var admin = persona is "admin" or "admin-key";
        return route.Policy switch
        {
            "gatehouse:caller" => 0,
            "gatehouse:auditor" => admin || persona == "auditor" ? 0 : 403,
            "gatehouse:admin" => admin ? 0 : 403,
            _ => throw new InvalidOperationException($"{route.Pattern}: policy '{route.Policy}' has no row in this matrix; add one."),
        };
    }

    private static bool IsProblem(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    private async Task<Dictionary<string, HttpClient>> ClientsAsync()
    {
        var keys = ActivatorUtilities.CreateInstance<ApiKeyAdministration>(Gateway.Services);
        var plain = await keys.CreateAsync("matrix-bot", "bot@example.com", "", "1d", "matrix-test", Token);
        var admin = await keys.CreateAsync("matrix-admin-bot", "ops@example.com", "security", "1d", "matrix-test", Token);
        Assert.Null(plain.Error);
        Assert.Null(admin.Error);
        return new Dictionary<string, HttpClient>(StringComparer.Ordinal)
        {
            ["anonymous"] = Client(null, null),
            ["developer"] = Client("Authorization", "Bearer " + Gateway.Token("dev@example.com", "dev")),
            ["reviewer"] = Client("Authorization", "Bearer " + Gateway.Token("rita@example.com", "reviewers")),
            ["auditor"] = Client("Authorization", "Bearer " + Gateway.Token("audra@example.com", "audit")),
            ["admin"] = Client("Authorization", "Bearer " + Gateway.Token("ada@example.com", "security")),
            ["key"] = Client("x-api-key", plain.Key!.Plaintext),
            ["admin-key"] = Client("x-api-key", admin.Key!.Plaintext),
        };
    }

    // Redirects are not followed: a console page's answer to a caller without a session is the redirect to sign in.
    private HttpClient Client(string? header, string? value)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Gateway.BaseUri };
        if (header is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);
        }

        return client;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Route route)
    {
        var path = string.Concat(route.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => parameter.Name switch
            {
                "connection" => "no-such-connection",
                "name" => "console.css",
                _ => "no-such-" + parameter.Name,
            },
            _ => "",
        }));
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path.TrimStart('/'));
        if (route.Method is "POST" or "PUT")
        {
            var body = route.Pattern == "/api/access/requests" ? """{"connection": "locked", "duration": "1h", "reason": "role matrix"}""" : "{}";
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request, Token);
    }

    private List<Route> ApiRoutes()
    {
        var routes = new List<Route>();
        foreach (var endpoint in Gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal) && !pattern.StartsWith("/console", StringComparison.Ordinal))
            {
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).Distinct().ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != "OPTIONS" && m != "HEAD"))
            {
                routes.Add(new Route(pattern, method, Strongest(policies), anonymous, [.. endpoint.RoutePattern.PathSegments.SelectMany(s => new RoutePatternPart[] { RoutePatternFactory.SeparatorPart("/") }.Concat(s.Parts))]));
            }
        }

        return routes;
    }

    // A console admin page carries the console's folder policy and gatehouse:admin; the console's decides the row here
    // (no caller of this test has a session), the role part is the console tests' (console_forbidden).
    private static string? Strongest(List<string?> policies)
        => new[] { "gatehouse:console", "gatehouse:admin", "gatehouse:auditor", "gatehouse:caller" }.FirstOrDefault(policies.Contains);

    private sealed record Route(string Pattern, string Method, string? Policy, bool Anonymous, IReadOnlyList<RoutePatternPart> Parts);
}
