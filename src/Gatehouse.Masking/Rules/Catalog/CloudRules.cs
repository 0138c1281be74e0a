using static Gatehouse.Masking.Rules.Catalog.RuleFactory;

namespace Gatehouse.Masking.Rules.Catalog;

/// <summary>Cloud provider and hosting credentials.</summary>
internal static class CloudRules
{
    public static IEnumerable<MaskingRule> All() =>
    [
        new MaskingRule
        {
            Id = "aws-access-key-id", Category = RuleCategory.Secret, Description = "AWS access key id",
            Keywords = ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"],
            Pattern = "(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}(?![A-Za-z0-9])",
            After = 20, Example = "AKIA" + Fake.Upper(16),
        },
        Context("aws-secret-access-key", "AWS secret access key (in context)",
            ["aws_secret", "aws-secret", "secret_access_key", "secretaccesskey", "aws_secret_key"], "[A-Za-z0-9/+]{40}", Fake.Base64(40)),
        Prefixed("aws-session-token", "AWS session token", "IQoJb3JpZ2lu", "[A-Za-z0-9/+=]{100,}", Fake.Base64(300), after: 450, extendOver: Base64Chars),
        Prefixed("aws-mws-key", "Amazon MWS auth token", "amzn.mws.", "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}", "0123abcd-0123-4567-89ab-0123456789ab"),
        Context("gcp-private-key-id", "GCP service account private key id", ["private_key_id"], "[a-f0-9]{40}", Fake.Hex(40)),
        Prefixed("gcp-oauth-client-secret", "Google OAuth client secret", "GOCSPX-", "[A-Za-z0-9_-]{28}", Fake.UrlSafe(28)),
        Prefixed("google-oauth-access-token", "Google OAuth access token", "ya29.", "[A-Za-z0-9_-]{30,300}", Fake.UrlSafe(120), after: 310),
        Prefixed("google-refresh-token", "Google OAuth refresh token", "1//0", "[A-Za-z0-9_-]{40,200}", Fake.UrlSafe(100), after: 210),
        Context("azure-storage-account-key", "Azure storage account key", ["AccountKey", "account_key", "storage_key"], "[A-Za-z0-9+/]{86}==", Fake.Base64(86) + "=="),
        Context("azure-shared-access-key", "Azure Service Bus / Event Hubs shared access key", ["SharedAccessKey"], "[A-Za-z0-9+/]{43}=", Fake.Base64(43) + "="),
        new MaskingRule
        {
            Id = "azure-sas-signature", Category = RuleCategory.Secret, Description = "Azure SAS token signature",
            Keywords = ["sig="], Pattern = "(?<=[?&]sig=)[A-Za-z0-9%+/]{40,120}(?:%3D|=){0,2}", After = 130,
            Example = "https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&sig=" + Fake.Alnum(43) + "%3D",
        },
        Inner("azure-ad-client-secret", "Microsoft Entra ID client secret", "Q~", "[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}", "abc8Q~" + Fake.Alnum(34), before: 4, after: 40, beforeChars: AlnumChars + "_~."),
        Context("azure-devops-pat", "Azure DevOps personal access token (in context)", ["azure_devops", "ado_pat", "azdo"], "[a-z0-9]{52}|[A-Za-z0-9]{84}", Fake.LowerAlnum(52)),
        Prefixed("alibaba-access-key-id", "Alibaba Cloud AccessKey id", "LTAI", "[A-Za-z0-9]{12,20}", Fake.Alnum(20)),
        Context("alibaba-secret-key", "Alibaba Cloud AccessKey secret (in context)", ["alibaba_secret", "access_key_secret"], "[A-Za-z0-9]{30}", Fake.Alnum(30)),
        Prefixed("tencent-secret-id", "Tencent Cloud SecretId", "AKID", "[A-Za-z0-9]{32}", Fake.Alnum(32)),
        Context("ibm-cloud-api-key", "IBM Cloud API key (in context)", ["ibm_api_key", "ibmcloud_api_key", "ibm_cloud"], "[A-Za-z0-9_-]{44}", Fake.UrlSafe(44)),
        Prefixed("digitalocean-pat", "DigitalOcean personal access token", "dop_v1_", "[a-f0-9]{64}", Fake.Hex(64)),
        Prefixed("digitalocean-oauth-token", "DigitalOcean OAuth token", "doo_v1_", "[a-f0-9]{64}", Fake.Hex(64)),
        Prefixed("digitalocean-refresh-token", "DigitalOcean refresh token", "dor_v1_", "[a-f0-9]{64}", Fake.Hex(64)),
        Context("heroku-api-key", "Heroku API key (in context)", ["heroku"], "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "01234567-89ab-cdef-0123-456789abcdef"),
        Prefixed("heroku-platform-key", "Heroku platform API key", "HRKU-", "[A-Za-z0-9_-]{60}", Fake.UrlSafe(60)),
        Context("linode-token", "Linode personal access token (in context)", ["linode"], "[a-f0-9]{64}", Fake.Hex(64)),
        Context("vultr-api-key", "Vultr API key (in context)", ["vultr"], "[A-Z0-9]{36}", Fake.UpperAlnum(36)),
        Prefixed("scaleway-access-key", "Scaleway access key", "SCW", "[A-Z0-9]{17}", Fake.UpperAlnum(17)),
        Context("cloudflare-api-token", "Cloudflare API token (in context)", ["cloudflare", "cf_api_token"], "[A-Za-z0-9_-]{40}", Fake.UrlSafe(40)),
        Prefixed("cloudflare-origin-ca-key", "Cloudflare origin CA key", "v1.0-", "[a-f0-9]{24}-[a-f0-9]{146}", Fake.Hex(24) + "-" + Fake.Hex(146), after: 180),
        Prefixed("flyio-token", "Fly.io access token", "fo1_", "[A-Za-z0-9_-]{43}", Fake.UrlSafe(43)),
        Prefixed("flyio-macaroon", "Fly.io macaroon token", "fm2_", "[A-Za-z0-9+/=_-]{100,400}", Fake.Base64(200), after: 410),
        Prefixed("netlify-pat", "Netlify personal access token", "nfp_", "[A-Za-z0-9]{36}", Fake.Alnum(36)),
        Context("vercel-token", "Vercel token (in context)", ["vercel"], "[A-Za-z0-9]{24}", Fake.Alnum(24)),
        Prefixed("render-api-key", "Render API key", "rnd_", "[A-Za-z0-9]{32}", Fake.Alnum(32)),
        Prefixed("supabase-pat", "Supabase personal access token", "sbp_", "[a-f0-9]{40}", Fake.Hex(40)),
        Prefixed("supabase-secret-key", "Supabase secret API key", "sb_secret_", "[A-Za-z0-9_-]{31}", Fake.UrlSafe(31)),
        Prefixed("planetscale-token", "PlanetScale service token", "pscale_tkn_", "[A-Za-z0-9_=.-]{32,64}", Fake.UrlSafe(43)),
        Prefixed("planetscale-password", "PlanetScale database password", "pscale_pw_", "[A-Za-z0-9_=.-]{32,64}", Fake.UrlSafe(43)),
        Prefixed("planetscale-oauth-token", "PlanetScale OAuth token", "pscale_oauth_", "[A-Za-z0-9_=.-]{32,64}", Fake.UrlSafe(43)),
        Prefixed("neon-api-key", "Neon API key", "napi_", "[a-z0-9]{64}", Fake.LowerAlnum(64)),
        Prefixed("openshift-token", "OpenShift user token", "sha256~", "[A-Za-z0-9_-]{43}", Fake.UrlSafe(43)),
        Prefixed("yandex-api-key", "Yandex Cloud API key", "AQVN", "[A-Za-z0-9_-]{35,38}", Fake.UrlSafe(36)),
        Prefixed("yandex-access-token", "Yandex Cloud IAM token", "t1.", @"[A-Z0-9a-z_-]+[=]{0,2}\.[A-Z0-9a-z_-]{86}[=]{0,2}", "9euelZ" + Fake.UrlSafe(20) + "." + Fake.UrlSafe(86), after: 200),
    ];
}
