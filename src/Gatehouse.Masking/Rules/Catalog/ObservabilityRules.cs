using static Gatehouse.Masking.Rules.Catalog.RuleFactory;

namespace Gatehouse.Masking.Rules.Catalog;

/// <summary>Monitoring, logging and incident services.</summary>
internal static class ObservabilityRules
{
    public static IEnumerable<MaskingRule> All() =>
    [
        Context("datadog-api-key", "Datadog API key (in context)", ["datadog_api_key", "dd_api_key", "dd-api-key", "datadog"], "[a-f0-9]{32}", Fake.Hex(32)),
        Context("datadog-app-key", "Datadog application key (in context)", ["datadog_app_key", "dd_app_key", "dd-application-key", "dd_application_key"], "[a-f0-9]{40}", Fake.Hex(40)),
        Prefixed("grafana-cloud-token", "Grafana Cloud access policy token", "glc_", "[A-Za-z0-9+/]{32,400}={0,2}", Fake.Base64(80), after: 410),
        Prefixed("grafana-service-account-token", "Grafana service account token", "glsa_", "[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}", Fake.Alnum(32) + "_" + Fake.Hex(8)),
        Prefixed("grafana-api-key", "Grafana API key, legacy", "eyJrIjoi", "[A-Za-z0-9+/]{60,100}={0,2}(?![A-Za-z0-9+/=])", Fake.Base64(72)),
        Prefixed("newrelic-user-key", "New Relic user API key", "NRAK-", "[A-Z0-9]{27}", Fake.UpperAlnum(27)),
        Prefixed("newrelic-insert-key", "New Relic insights insert key", "NRII-", "[A-Za-z0-9_-]{32}", Fake.UrlSafe(32)),
        Prefixed("newrelic-browser-key", "New Relic browser API key", "NRJS-", "[a-f0-9]{19}", Fake.Hex(19)),
        Prefixed("newrelic-admin-key", "New Relic admin API key", "NRAA-", "[a-f0-9]{27}", Fake.Hex(27)),
        Prefixed("sentry-org-token", "Sentry organisation auth token", "sntrys_", "[A-Za-z0-9+/=_]{60,300}", "eyJ" + Fake.Base64(120), after: 310),
        Prefixed("sentry-user-token", "Sentry user auth token", "sntryu_", "[a-f0-9]{64}", Fake.Hex(64)),
        Context("sentry-dsn-key", "Sentry DSN secret (in context)", ["sentry_dsn", "sentry-dsn"], "https://[a-f0-9]{32}", "https://" + Fake.Hex(32)),
        Inner("dynatrace-token", "Dynatrace API token", "dt0c01.", @"dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}", "dt0c01." + Fake.UpperAlnum(24) + "." + Fake.UpperAlnum(64), before: 0),
        Context("honeycomb-api-key", "Honeycomb API key (in context)", ["honeycomb", "x-honeycomb-team"], "[A-Za-z0-9]{22}|[a-f0-9]{32}", Fake.Alnum(22)),
        Context("splunk-hec-token", "Splunk HEC token (in context)", ["splunk"], "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "01234567-89ab-cdef-0123-456789abcdef"),
        Context("pagerduty-api-key", "PagerDuty API key (in context)", ["pagerduty"], "[A-Za-z0-9_+-]{20}", Fake.UrlSafe(20)),
        Context("opsgenie-api-key", "Opsgenie API key (in context)", ["opsgenie"], "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "01234567-89ab-cdef-0123-456789abcdef"),
        Context("logzio-token", "Logz.io shipping token (in context)", ["logzio", "logz.io"], "[A-Za-z]{32}", Fake.Letters(32)),
        Context("rollbar-token", "Rollbar access token (in context)", ["rollbar"], "[a-f0-9]{32}", Fake.Hex(32)),
        Context("bugsnag-api-key", "Bugsnag API key (in context)", ["bugsnag"], "[a-f0-9]{32}", Fake.Hex(32)),
        Context("launchdarkly-sdk-key", "LaunchDarkly SDK key (in context)", ["launchdarkly"], "(?:sdk|api|mob)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}", "sdk-01234567-89ab-cdef-0123-456789abcdef"),
        Context("ngrok-auth-token", "ngrok auth token (in context)", ["ngrok"], "[0-9A-Za-z]{20,30}_[0-9A-Za-z]{20,30}", Fake.Alnum(27) + "_" + Fake.Alnum(21)),
    ];
}
