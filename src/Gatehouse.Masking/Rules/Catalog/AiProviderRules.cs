using static Gatehouse.Masking.Rules.Catalog.RuleFactory;

namespace Gatehouse.Masking.Rules.Catalog;

/// <summary>Keys of AI model providers.</summary>
internal static class AiProviderRules
{
    public static IEnumerable<MaskingRule> All() =>
    [
        Inner("openai-legacy-key", "OpenAI API key (legacy, with the T3BlbkFJ marker)", "T3BlbkFJ",
            "sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}", "sk-" + Fake.Alnum(20) + "T3BlbkFJ" + Fake.Alnum(20), before: 23, beforeChars: AlnumChars + "-"),
        Prefixed("openai-project-key", "OpenAI project API key", "sk-proj-", "[A-Za-z0-9_-]{40,200}", Fake.UrlSafe(120), after: 210),
        Prefixed("openai-service-account-key", "OpenAI service account key", "sk-svcacct-", "[A-Za-z0-9_-]{40,200}", Fake.UrlSafe(120), after: 210),
        Prefixed("openai-admin-key", "OpenAI admin key", "sk-admin-", "[A-Za-z0-9_-]{40,200}", Fake.UrlSafe(120), after: 210),
        Prefixed("anthropic-api-key", "Anthropic API key", "sk-ant-api03-", "[A-Za-z0-9_-]{80,120}", Fake.UrlSafe(93) + "AA"),
        Prefixed("anthropic-admin-key", "Anthropic admin key", "sk-ant-admin01-", "[A-Za-z0-9_-]{80,120}", Fake.UrlSafe(93) + "AA"),
        Prefixed("huggingface-token", "Hugging Face access token", "hf_", "[A-Za-z]{34}", Fake.Letters(34)),
        Prefixed("huggingface-org-token", "Hugging Face organisation API token", "api_org_", "[A-Za-z]{34}", Fake.Letters(34)),
        Context("cohere-api-key", "Cohere API key (in context)", ["cohere", "co_api_key"], "[A-Za-z0-9]{40}", Fake.Alnum(40)),
        Prefixed("groq-api-key", "Groq API key", "gsk_", "[A-Za-z0-9]{52}", Fake.Alnum(52)),
        Prefixed("replicate-api-token", "Replicate API token", "r8_", "[A-Za-z0-9]{37}", Fake.Alnum(37)),
        Prefixed("perplexity-api-key", "Perplexity API key", "pplx-", "[A-Za-z0-9]{48}", Fake.Alnum(48)),
        Prefixed("xai-api-key", "xAI API key", "xai-", "[A-Za-z0-9]{80}", Fake.Alnum(80)),
        Prefixed("google-api-key", "Google API key (Maps, Gemini, Firebase)", "AIza", "[0-9A-Za-z_-]{35}", Fake.UrlSafe(35)),
        Context("mistral-api-key", "Mistral API key (in context)", ["mistral"], "[A-Za-z0-9]{32}", Fake.Alnum(32)),
        Context("deepseek-api-key", "DeepSeek API key (in context)", ["deepseek"], "sk-[a-f0-9]{32}", "sk-" + Fake.Hex(32)),
        Inner("langsmith-api-key", "LangSmith API key", "lsv2_", "lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}", "lsv2_pt_" + Fake.Hex(32) + "_" + Fake.Hex(10), before: 0),
        Inner("pinecone-api-key", "Pinecone API key", "pcsk_", "pcsk_[A-Za-z0-9]{5,7}_[A-Za-z0-9]{40,80}", "pcsk_" + Fake.Alnum(6) + "_" + Fake.Alnum(64), before: 0),
        Context("together-api-key", "Together AI API key (in context)", ["together"], "[a-f0-9]{64}", Fake.Hex(64)),
        Prefixed("fireworks-api-key", "Fireworks AI API key", "fw_", "[A-Za-z0-9]{24}", Fake.Alnum(24)),
        Prefixed("openrouter-api-key", "OpenRouter API key", "sk-or-v1-", "[a-f0-9]{64}", Fake.Hex(64)),
        Context("elevenlabs-api-key", "ElevenLabs API key (in context)", ["elevenlabs", "xi-api-key"], "(?:sk_)?[a-f0-9]{32,48}", "sk_" + Fake.Hex(48)),
        Context("voyage-api-key", "Voyage AI API key (in context)", ["voyage"], "pa-[A-Za-z0-9_-]{40,50}", "pa-" + Fake.UrlSafe(43)),
        Context("azure-openai-key", "Azure OpenAI key (in context)", ["azure_openai", "azure-openai", "AZURE_OPENAI"], "[a-f0-9]{32}", Fake.Hex(32)),
        Prefixed("nvidia-api-key", "NVIDIA NGC API key", "nvapi-", "[A-Za-z0-9_-]{64}", Fake.UrlSafe(64)),
    ];
}
