using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Control.AuditApi;

/// <summary>Registers what the audit API needs beyond the gateway: its reader and the OpenAPI document of the admin API.</summary>
internal static class AuditApiServiceCollectionExtensions
{
    public static IServiceCollection AddAuditApi(this IServiceCollection services)
    {
        services.AddSingleton<AuditReader>();
        services.AddOpenApi(options =>
        {
            // The document describes the admin API only; the data path's routes belong to the upstreams' own specs.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Gatehouse admin API";
                document.Info.Description = "The audit trail search and the approvals reviewers act on. Callers authenticate with an OIDC bearer token or a Gatehouse API key.";
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
