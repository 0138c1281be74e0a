using static Gatehouse.Masking.Rules.Catalog.RuleFactory;

namespace Gatehouse.Masking.Rules.Catalog;

/// <summary>Payment, commerce and logistics services.</summary>
internal static class CommerceRules
{
    public static IEnumerable<MaskingRule> All() =>
    [
        Prefixed("stripe-live-secret-key", "Stripe live secret key", "sk_live_", "[A-Za-z0-9]{24,247}", Fake.Alnum(99), after: 260),
        Prefixed("stripe-test-secret-key", "Stripe test secret key", "sk_test_", "[A-Za-z0-9]{24,247}", Fake.Alnum(99), after: 260),
        Prefixed("stripe-live-restricted-key", "Stripe live restricted key", "rk_live_", "[A-Za-z0-9]{24,247}", Fake.Alnum(99), after: 260),
        Prefixed("stripe-test-restricted-key", "Stripe test restricted key", "rk_test_", "[A-Za-z0-9]{24,247}", Fake.Alnum(99), after: 260),
        Prefixed("stripe-webhook-secret", "Stripe webhook signing secret", "whsec_", "[A-Za-z0-9]{32,64}", Fake.Alnum(32)),
        Prefixed("shopify-access-token", "Shopify admin access token", "shpat_", "[a-fA-F0-9]{32}", Fake.Hex(32)),
        Prefixed("shopify-custom-app-token", "Shopify custom app access token", "shpca_", "[a-fA-F0-9]{32}", Fake.Hex(32)),
        Prefixed("shopify-private-app-token", "Shopify private app access token", "shppa_", "[a-fA-F0-9]{32}", Fake.Hex(32)),
        Prefixed("shopify-shared-secret", "Shopify shared secret", "shpss_", "[a-fA-F0-9]{32}", Fake.Hex(32)),
        Prefixed("square-access-token", "Square access token", "EAAA", "[A-Za-z0-9_-]{60}", Fake.UrlSafe(60)),
        Prefixed("square-legacy-access-token", "Square access token (legacy)", "sq0atp-", "[A-Za-z0-9_-]{22}", Fake.UrlSafe(22)),
        Prefixed("square-oauth-secret", "Square OAuth secret", "sq0csp-", "[A-Za-z0-9_-]{43}", Fake.UrlSafe(43)),
        Prefixed("braintree-access-token", "Braintree / PayPal access token", "access_token$production$", "[a-z0-9]{16}\\$[a-f0-9]{32}", Fake.LowerAlnum(16) + "$" + Fake.Hex(32)),
        Context("paypal-client-secret", "PayPal client secret (in context)", ["paypal"], "E[A-Za-z0-9_-]{79}", "E" + Fake.UrlSafe(79)),
        Context("adyen-api-key", "Adyen API key (in context)", ["adyen"], "AQE[A-Za-z0-9+/=_-]{60,200}", "AQE" + Fake.Base64(80)),
        Prefixed("flutterwave-secret-key", "Flutterwave secret key", "FLWSECK", "(?:_TEST)?-[a-h0-9]{32}-X", "_TEST-" + Fake.Hex(32) + "-X"),
        Prefixed("flutterwave-encryption-key", "Flutterwave encryption key", "FLWSECK_TEST", "[a-h0-9]{12}", Fake.Hex(12)),
        Inner("plaid-access-token", "Plaid access token", "access-", "access-(?:sandbox|development|production)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}", "access-sandbox-01234567-89ab-cdef-0123-456789abcdef", before: 0),
        Context("plaid-secret", "Plaid secret (in context)", ["plaid"], "[a-f0-9]{30}", Fake.Hex(30)),
        Inner("shippo-api-token", "Shippo API token", "shippo_", "shippo_(?:live|test)_[a-f0-9]{40}", "shippo_test_" + Fake.Hex(40), before: 0),
        Prefixed("easypost-api-key", "EasyPost production API key", "EZAK", "[a-z0-9]{54}", Fake.LowerAlnum(54)),
        Prefixed("easypost-test-key", "EasyPost test API key", "EZTK", "[a-z0-9]{54}", Fake.LowerAlnum(54)),
        Inner("duffel-api-token", "Duffel API token", "duffel_", "duffel_(?:test|live)_[A-Za-z0-9_=-]{43}", "duffel_test_" + Fake.UrlSafe(43), before: 0),
        Context("lob-api-key", "Lob API key (in context)", ["lob_api", "lob-api", "lob_key"], "(?:live|test)_[a-f0-9]{35}", "test_" + Fake.Hex(35)),
        Context("coinbase-api-secret", "Coinbase API secret (in context)", ["coinbase"], "[A-Za-z0-9]{32}", Fake.Alnum(32)),
        Context("razorpay-key-secret", "Razorpay key secret (in context)", ["razorpay"], "[A-Za-z0-9]{24}", Fake.Alnum(24)),
        Prefixed("razorpay-key-id", "Razorpay key id", "rzp_live_", "[A-Za-z0-9]{14}", Fake.Alnum(14)),
    ];
}
