using System.Buffers;
using System.Security.Cryptography;
using Gatehouse.Masking.Caching;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Redaction;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Masking.Streaming;

namespace Gatehouse.Masking;

/// <summary>
/// Finds secrets, personal data and internal hosts in text and masks them. Immutable and thread-safe: build one per
/// configuration snapshot and share it.
/// </summary>
/// <remarks>
/// A keyword prefilter runs over the whole text once; each rule's pattern then runs only in a window around the hits
/// of its own keywords. Overlapping matches are resolved deterministically (earliest, then longest). Masking a text in
/// which nothing is found allocates nothing.
/// <para>Texts of at least <see cref="ScanCacheOptions.MinChars"/> characters are looked up in the engine's scan cache
/// first (see <see cref="MaskingOptions.ScanCache"/>): a text seen before returns the very result scanning it again
/// would give, byte for byte, because the cache belongs to this engine and its fixed rules, settings and fingerprint
/// key. The streaming redactors scan deltas as they come and do not use it.</para>
/// </remarks>
public sealed class MaskingEngine
{
    private readonly CompiledRuleSet _set;
    private readonly Fingerprinter _fingerprinter;
    private readonly ScanCache? _cache;

    /// <summary>Builds an engine. Validate the options first with <see cref="MaskingOptionsValidator"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (a bug: they are validated at start-up).</exception>
    public MaskingEngine(MaskingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = MaskingOptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid masking options: " + string.Join("; ", errors), nameof(options));
        }

        Options = options;
        var rules = RuleSetBuilder.Build(options);
        var keep = new HashSet<string>(options.UnmaskedPlaceholderRules, StringComparer.Ordinal);
        _set = new CompiledRuleSet(
            rules,
            rule => options.RedactionByRule.TryGetValue(rule.Id, out var style) ? style : rule.Redaction ?? options.DefaultRedaction,
            rule => keep.Contains(rule.Id));
        var key = options.FingerprintKey.IsEmpty ? RandomNumberGenerator.GetBytes(32) : options.FingerprintKey.ToArray();
        _fingerprinter = new Fingerprinter(key);
        Rules = [.. rules.Select(r => new RuleDescriptor(r.Id, r.Category, r.Description))];
        _cache = options.ScanCache.MaxBytes > 0 ? new ScanCache(options.ScanCache.MaxBytes, options.ScanCache.MinChars) : null;
    }

    /// <summary>The options this engine was built from.</summary>
    public MaskingOptions Options { get; }

    /// <summary>The active rules.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; }

    internal CompiledRuleSet RuleSet => _set;

    internal Fingerprinter Fingerprinter => _fingerprinter;

    internal ScanCache? Cache => _cache;

    /// <summary>Masks <paramref name="text"/>; returns <see cref="MaskingResult.Unchanged"/> when nothing is found.</summary>
    public MaskingResult Mask(ReadOnlySpan<char> text)
        => _cache is { } cache && text.Length >= cache.MinChars ? MaskCached(cache, text) : MaskFresh(text);

    private MaskingResult MaskCached(ScanCache cache, ReadOnlySpan<char> text)
    {
        var key = cache.KeyOf(text);
        if (cache.Find(key, text) is { } hit)
        {
            return hit;
        }

        // Shared between callers from now on, so its findings must not be a list one of them could change.
        var fresh = MaskFresh(text);
        var result = fresh.IsChanged ? new MaskingResult(fresh.MaskedText, Array.AsReadOnly([.. fresh.Findings])) : fresh;
        cache.Add(key, text, result);
        return result;
    }

    private MaskingResult MaskFresh(ReadOnlySpan<char> text)
    {
        var candidates = default(PooledList<Candidate>);
        try
        {
            var chosen = Find(text, ref candidates);
            if (chosen.IsEmpty)
            {
                return MaskingResult.Unchanged;
            }

            var findings = new List<Finding>(chosen.Length);
            var masked = MaskedTextWriter.ToMaskedString(_set, _fingerprinter, text, chosen, findings);
            return new MaskingResult(masked, findings);
        }
        finally
        {
            candidates.Dispose();
        }
    }

    /// <summary>Writes <paramref name="text"/>, masked, to <paramref name="output"/> and returns what was found.</summary>
    public IReadOnlyList<Finding> Mask(ReadOnlySpan<char> text, IBufferWriter<char> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_cache is { } cache && text.Length >= cache.MinChars)
        {
            var result = MaskCached(cache, text);
            output.Write(result.MaskedText is { } masked ? masked.AsSpan() : text);
            return result.Findings;
        }

        var candidates = default(PooledList<Candidate>);
        try
        {
            var chosen = Find(text, ref candidates);
            if (chosen.IsEmpty)
            {
                output.Write(text);
                return [];
            }

            var findings = new List<Finding>(chosen.Length);
            MaskedTextWriter.Write(_set, _fingerprinter, text, 0, text.Length, chosen, 0, output, findings);
            return findings;
        }
        finally
        {
            candidates.Dispose();
        }
    }

    /// <summary>Finds without masking: what <see cref="Mask(ReadOnlySpan{char})"/> would report.</summary>
    public IReadOnlyList<Finding> Scan(ReadOnlySpan<char> text)
    {
        if (_cache is { } cache && text.Length >= cache.MinChars)
        {
            return MaskCached(cache, text).Findings;
        }

        var candidates = default(PooledList<Candidate>);
        try
        {
            var chosen = Find(text, ref candidates);
            if (chosen.IsEmpty)
            {
                return [];
            }

            var fingerprints = new string[chosen.Length];
            _fingerprinter.FingerprintMany(text, chosen, fingerprints);
            var findings = new Finding[chosen.Length];
            for (var i = 0; i < chosen.Length; i++)
            {
                var rule = _set.Rules[chosen[i].RuleIndex];
                var value = text.Slice(chosen[i].Start, chosen[i].Length);
                findings[i] = new Finding(
                    rule.Rule.Id, rule.Rule.Category, chosen[i].Start, chosen[i].Length, fingerprints[i], rule.ChecksumOf(value),
                    chosen[i].Placeholder);
            }

            return findings;
        }
        finally
        {
            candidates.Dispose();
        }
    }

    private Span<Candidate> Find(ReadOnlySpan<char> text, ref PooledList<Candidate> candidates)
    {
        Scanner.Scan(_set, text, 0, final: true, ref candidates);
        return candidates.Count == 0 ? [] : candidates.Span[..OverlapResolver.Resolve(candidates.Span, text.Length)];
    }

    /// <summary>Starts masking one stream of text deltas (one per response stream; not thread-safe).</summary>
    public StreamingRedactor CreateStreamingRedactor() => new(this);

    /// <summary>Starts masking one streamed JSON document, such as a tool call's arguments, keeping it valid JSON.</summary>
    public JsonArgumentsRedactor CreateJsonArgumentsRedactor() => new(this);
}
