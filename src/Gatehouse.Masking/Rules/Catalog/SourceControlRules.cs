using Gatehouse.Masking.Rules.Validation;
using static Gatehouse.Masking.Rules.Catalog.RuleFactory;

namespace Gatehouse.Masking.Rules.Catalog;

/// <summary>Source control, CI and package registry tokens.</summary>
internal static class SourceControlRules
{
    private static readonly string GitHubEntropy = Fake.Alnum(30);

    public static IEnumerable<MaskingRule> All() =>
    [
        GitHub("github-pat", "GitHub personal access token (classic)", "ghp_"),
        GitHub("github-oauth-token", "GitHub OAuth access token", "gho_"),
        GitHub("github-user-to-server-token", "GitHub App user-to-server token", "ghu_"),
        GitHub("github-server-to-server-token", "GitHub App installation token", "ghs_"),
        GitHub("github-refresh-token", "GitHub App refresh token", "ghr_"),
        Prefixed("github-fine-grained-pat", "GitHub fine-grained personal access token", "github_pat_", "[A-Za-z0-9]{22}_[A-Za-z0-9]{59}", Fake.Alnum(22) + "_" + Fake.Alnum(59)),
        Prefixed("gitlab-pat", "GitLab personal access token", "glpat-", "[A-Za-z0-9_.-]{20,64}", Fake.UrlSafe(20)),
        Prefixed("gitlab-deploy-token", "GitLab deploy token", "gldt-", "[A-Za-z0-9_-]{20,64}", Fake.UrlSafe(20)),
        Prefixed("gitlab-runner-token", "GitLab runner authentication token", "glrt-", "[A-Za-z0-9_.-]{20,64}", Fake.UrlSafe(20)),
        Prefixed("gitlab-pipeline-trigger-token", "GitLab pipeline trigger token", "glptt-", "[a-f0-9]{40}", Fake.Hex(40)),
        Prefixed("gitlab-runner-registration-token", "GitLab runner registration token", "GR1348941", "[A-Za-z0-9_-]{20}", Fake.UrlSafe(20)),
        Prefixed("gitlab-cicd-job-token", "GitLab CI/CD job token", "glcbt-", "[A-Za-z0-9_-]{20,64}", "1_" + Fake.UrlSafe(20)),
        Prefixed("gitlab-oauth-secret", "GitLab OAuth application secret", "gloas-", "[A-Za-z0-9_-]{64}", Fake.UrlSafe(64)),
        Prefixed("gitlab-feed-token", "GitLab feed token", "glft-", "[A-Za-z0-9_-]{20}", Fake.UrlSafe(20)),
        Prefixed("gitlab-scim-token", "GitLab SCIM token", "glsoat-", "[A-Za-z0-9_-]{20}", Fake.UrlSafe(20)),
        Prefixed("gitlab-incoming-mail-token", "GitLab incoming mail token", "glimt-", "[A-Za-z0-9_-]{25}", Fake.UrlSafe(25)),
        Prefixed("gitlab-agent-token", "GitLab agent for Kubernetes token", "glagent-", "[A-Za-z0-9_-]{50}", Fake.UrlSafe(50)),
        Prefixed("gitlab-feature-flag-token", "GitLab feature flag client token", "glffct-", "[A-Za-z0-9_-]{20}", Fake.UrlSafe(20)),
        Prefixed("bitbucket-app-password", "Bitbucket app password", "ATBB", "[A-Za-z0-9_=.-]{32}", Fake.UrlSafe(32)),
        Prefixed("atlassian-api-token", "Atlassian API token", "ATATT3", "[A-Za-z0-9_=-]{100,250}", Fake.UrlSafe(180), after: 260),
        Prefixed("atlassian-repository-token", "Bitbucket repository / project access token", "ATCTT3", "[A-Za-z0-9_=-]{100,250}", Fake.UrlSafe(180), after: 260),
        Prefixed("npm-token", "npm access token", "npm_", "[A-Za-z0-9]{36}", Fake.Alnum(36)),
        Prefixed("pypi-token", "PyPI upload token", "pypi-AgEIcHlwaS5vcmc", "[A-Za-z0-9_-]{50,300}", Fake.UrlSafe(120), after: 310),
        Prefixed("testpypi-token", "TestPyPI upload token", "pypi-AgENdGVzdC5weXBpLm9yZw", "[A-Za-z0-9_-]{50,300}", Fake.UrlSafe(120), after: 310),
        Prefixed("nuget-api-key", "NuGet.org API key", "oy2", "[a-z0-9]{43}", Fake.LowerAlnum(43)),
        Prefixed("rubygems-api-key", "RubyGems API key", "rubygems_", "[a-f0-9]{48}", Fake.Hex(48)),
        Prefixed("crates-io-token", "crates.io API token", "cio", "[A-Za-z0-9]{32}", Fake.Alnum(32)),
        Prefixed("docker-hub-pat", "Docker Hub personal access token", "dckr_pat_", "[A-Za-z0-9_-]{27}", Fake.UrlSafe(27)),
        Prefixed("docker-hub-oat", "Docker Hub organisation access token", "dckr_oat_", "[A-Za-z0-9_-]{32}", Fake.UrlSafe(32)),
        Prefixed("clojars-token", "Clojars deploy token", "CLOJARS_", "[a-z0-9]{60}", Fake.LowerAlnum(60)),
        Prefixed("jfrog-api-key", "JFrog Artifactory API key", "AKCp", "[A-Za-z0-9]{69}", Fake.Alnum(69)),
        Prefixed("jfrog-identity-token", "JFrog identity / reference token", "cmVmdGtu", "[A-Za-z0-9]{56}", Fake.Alnum(56)),
        Prefixed("sonarqube-token", "SonarQube token", "sqp_", "[a-f0-9]{40}", Fake.Hex(40)),
        Prefixed("sonarqube-user-token", "SonarQube user token", "squ_", "[a-f0-9]{40}", Fake.Hex(40)),
        Prefixed("sonarqube-analysis-token", "SonarQube global analysis token", "sqa_", "[a-f0-9]{40}", Fake.Hex(40)),
        Prefixed("buildkite-token", "Buildkite API access token", "bkua_", "[a-f0-9]{40}", Fake.Hex(40)),
        Prefixed("circleci-pat", "CircleCI personal API token", "CCIPAT_", "[A-Za-z0-9]{22}_[a-f0-9]{40}", Fake.Alnum(22) + "_" + Fake.Hex(40)),
        Prefixed("sourcegraph-token", "Sourcegraph access token", "sgp_", "(?:local_)?[a-f0-9]{40}", Fake.Hex(40)),
        Prefixed("octopus-deploy-key", "Octopus Deploy API key", "API-", "[A-Z0-9]{26}", Fake.UpperAlnum(26)),
        Context("travis-ci-token", "Travis CI token (in context)", ["travis"], "[A-Za-z0-9_-]{22}", Fake.UrlSafe(22)),
        Context("codecov-token", "Codecov upload token (in context)", ["codecov"], "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "01234567-89ab-cdef-0123-456789abcdef"),
        Context("snyk-token", "Snyk API token (in context)", ["snyk"], "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "01234567-89ab-cdef-0123-456789abcdef"),
        Inner("harness-pat", "Harness personal access token", "pat.", @"pat\.[A-Za-z0-9_-]{22}\.[a-f0-9]{24}\.[A-Za-z0-9]{20}", "pat." + Fake.UrlSafe(22) + "." + Fake.Hex(24) + "." + Fake.Alnum(20), before: 0),
        Prefixed("pulumi-token", "Pulumi access token", "pul-", "[a-f0-9]{40}", Fake.Hex(40)),
        Inner("terraform-cloud-token", "Terraform Cloud / Enterprise API token", ".atlasv1.",
            @"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}", Fake.Alnum(14) + ".atlasv1." + Fake.UrlSafe(67), before: 14, beforeChars: AlnumChars),
        Prefixed("vault-service-token", "HashiCorp Vault service token", "hvs.", "[A-Za-z0-9_-]{24,200}", Fake.UrlSafe(90), after: 210),
        Prefixed("vault-batch-token", "HashiCorp Vault batch token", "hvb.", "[A-Za-z0-9_-]{24,300}", Fake.UrlSafe(138), after: 310),
        Prefixed("vault-recovery-token", "HashiCorp Vault recovery token", "hvr.", "[A-Za-z0-9_-]{24,200}", Fake.UrlSafe(90), after: 210),
        Context("vault-legacy-token", "HashiCorp Vault token, legacy format (in context)", ["vault_token", "x-vault-token"], @"s\.[A-Za-z0-9]{24}", "s." + Fake.Alnum(24)),
        Prefixed("doppler-personal-token", "Doppler personal token", "dp.pt.", "[A-Za-z0-9]{43}", Fake.Alnum(43)),
        Prefixed("doppler-service-token", "Doppler service token", "dp.st.", "(?:[a-z0-9_-]{2,35}\\.)?[A-Za-z0-9]{40,44}", Fake.Alnum(43)),
        Prefixed("doppler-cli-token", "Doppler CLI token", "dp.ct.", "[A-Za-z0-9]{43}", Fake.Alnum(43)),
        Prefixed("doppler-service-account-token", "Doppler service account token", "dp.sa.", "[A-Za-z0-9]{43}", Fake.Alnum(43)),
        Prefixed("doppler-scim-token", "Doppler SCIM token", "dp.scim.", "[A-Za-z0-9]{43}", Fake.Alnum(43)),
        Prefixed("doppler-audit-token", "Doppler audit token", "dp.audit.", "[A-Za-z0-9]{43}", Fake.Alnum(43)),
        Prefixed("databricks-token", "Databricks personal access token", "dapi", "[a-f0-9]{32}(?:-[0-9])?", Fake.Hex(32)),
        Prefixed("age-secret-key", "age encryption secret key", "AGE-SECRET-KEY-1", "[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}", Fake.From("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)),
        Prefixed("onepassword-service-account-token", "1Password service account token", "ops_eyJ", "[A-Za-z0-9+/=_-]{100,}", Fake.Base64(250), after: 450, extendOver: Base64Chars),
        Inner("onepassword-secret-key", "1Password account secret key", "A3-",
            "A3-[A-Z0-9]{6}-[A-Z0-9]{6}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}",
            "A3-" + Fake.UpperAlnum(6) + "-" + Fake.UpperAlnum(6) + "-" + Fake.UpperAlnum(5) + "-" + Fake.UpperAlnum(5) + "-" + Fake.UpperAlnum(5) + "-" + Fake.UpperAlnum(5), before: 0),
        Prefixed("tailscale-key", "Tailscale API / auth key", "tskey-", "(?:api|auth|client|webhook|scim)-[A-Za-z0-9]{10,}-[A-Za-z0-9]{20,}", "auth-" + Fake.Alnum(12) + "-" + Fake.Alnum(30)),
        Prefixed("defined-networking-key", "Defined Networking API key", "dnkey-", "[a-z0-9=_-]{26}-[a-z0-9=_-]{52}", Fake.LowerAlnum(26) + "-" + Fake.LowerAlnum(52)),
        Prefixed("infracost-api-key", "Infracost API key", "ico-", "[A-Za-z0-9]{32}", Fake.Alnum(32)),
        Prefixed("scalingo-token", "Scalingo API token", "tk-us-", "[A-Za-z0-9_-]{48}", Fake.UrlSafe(48)),
        Prefixed("prefect-api-key", "Prefect API key", "pnu_", "[A-Za-z0-9]{36}", Fake.Alnum(36)),
        Prefixed("readme-api-key", "ReadMe API key", "rdme_", "[a-z0-9]{70}", Fake.LowerAlnum(70)),
    ];

    private static MaskingRule GitHub(string id, string description, string prefix) =>
        Prefixed(id, description, prefix, "[A-Za-z0-9]{36}", GitHubChecksum.Build(prefix, GitHubEntropy)[prefix.Length..],
            checksum: GitHubChecksum.IsValid) with { Example = GitHubChecksum.Build(prefix, GitHubEntropy) };
}
