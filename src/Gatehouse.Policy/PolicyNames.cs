namespace Gatehouse.Policy;

/// <summary>
/// The one table of the spellings that the policy file, the configuration file, CEL and <c>gatehouse policy test</c>
/// use for the policy's enum values (API, direction, effect, masking mode, audit level, approval hold).
/// </summary>
/// <remarks>
/// Names are lower-case and matched exactly (ordinal), in every file that spells them: a value in another case is an
/// error whose message lists the valid names (<see cref="Choices{T}"/>), so one file never accepts what another refuses.
/// </remarks>
public static class PolicyNames
{
    private static readonly MaskingMode[] MaskingModes = [MaskingMode.Mask, MaskingMode.Block, MaskingMode.Off];
    private static readonly PolicyEffect[] Effects = [PolicyEffect.Allow, PolicyEffect.Deny, PolicyEffect.RequireApproval];
    private static readonly AuditLevel[] AuditLevels = [AuditLevel.Full, AuditLevel.Metadata];

    /// <summary>Returns the name of <paramref name="api"/>: <c>chat</c>, <c>responses</c>, <c>messages</c>, <c>completions</c>, <c>mcp</c> or <c>http</c>.</summary>
    public static string Api(PolicyApi api) => api switch
    {
        PolicyApi.Chat => "chat",
        PolicyApi.Responses => "responses",
        PolicyApi.Messages => "messages",
        PolicyApi.Completions => "completions",
        PolicyApi.Mcp => "mcp",
        _ => "http",
    };

    /// <summary>Returns the name of <paramref name="direction"/>: <c>request</c> or <c>response</c>.</summary>
    public static string Direction(PolicyDirection direction) =>
        direction == PolicyDirection.Request ? "request" : "response";

    /// <summary>Returns the name of <paramref name="effect"/>: <c>allow</c>, <c>deny</c> or <c>require_approval</c>.</summary>
    public static string Effect(PolicyEffect effect) => effect switch
    {
        PolicyEffect.Allow => "allow",
        PolicyEffect.RequireApproval => "require_approval",
        _ => "deny",
    };

    /// <summary>Returns the name of <paramref name="mode"/>: <c>mask</c>, <c>block</c> or <c>off</c>.</summary>
    public static string Masking(MaskingMode mode) => mode switch
    {
        MaskingMode.Off => "off",
        MaskingMode.Mask => "mask",
        _ => "block",
    };

    /// <summary>Returns the name of <paramref name="level"/>: <c>full</c> or <c>metadata</c>.</summary>
    public static string Audit(AuditLevel level) => level == AuditLevel.Full ? "full" : "metadata";

    /// <summary>Returns the name of <paramref name="hold"/>: <c>request</c> or <c>response</c>, as the direction it holds.</summary>
    public static string Hold(ApprovalHold hold) => hold == ApprovalHold.Request ? "request" : "response";

    /// <summary>Reads an API name written by <see cref="Api"/>; false for any other text.</summary>
    public static bool TryParseApi(string? text, out PolicyApi api) => TryParse(text, Enum.GetValues<PolicyApi>(), Api, out api);

    /// <summary>Reads a direction name written by <see cref="Direction"/>; false for any other text.</summary>
    public static bool TryParseDirection(string? text, out PolicyDirection direction) =>
        TryParse(text, Enum.GetValues<PolicyDirection>(), Direction, out direction);

    /// <summary>Reads an effect name written by <see cref="Effect"/>; false for any other text.</summary>
    public static bool TryParseEffect(string? text, out PolicyEffect effect) => TryParse(text, Effects, Effect, out effect);

    /// <summary>Reads a masking mode name written by <see cref="Masking"/>; false for any other text.</summary>
    public static bool TryParseMasking(string? text, out MaskingMode mode) => TryParse(text, MaskingModes, Masking, out mode);

    /// <summary>Reads an audit level name written by <see cref="Audit"/>; false for any other text.</summary>
    public static bool TryParseAudit(string? text, out AuditLevel level) => TryParse(text, AuditLevels, Audit, out level);

    /// <summary>Reads a hold name written by <see cref="Hold"/>; false for any other text.</summary>
    public static bool TryParseHold(string? text, out ApprovalHold hold) => TryParse(text, Enum.GetValues<ApprovalHold>(), Hold, out hold);

    /// <summary>Lists the valid names of <typeparamref name="T"/> for an error message, in the order the docs give them: <c>mask, block or off</c>.</summary>
    /// <typeparam name="T">One of the enums this table names.</typeparam>
    public static string Choices<T>()
        where T : struct, Enum
    {
        var names = Values<T>().Select(Name).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }

    /// <summary>Returns the name of <paramref name="value"/> for any enum this table names.</summary>
    /// <typeparam name="T">One of the enums this table names.</typeparam>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not named here.</exception>
    public static string Name<T>(T value)
        where T : struct, Enum => value switch
        {
            PolicyApi api => Api(api),
            PolicyDirection direction => Direction(direction),
            PolicyEffect effect => Effect(effect),
            MaskingMode mode => Masking(mode),
            AuditLevel level => Audit(level),
            ApprovalHold hold => Hold(hold),
            _ => throw new ArgumentException($"{typeof(T).Name} has no policy name", nameof(value)),
        };

    private static IEnumerable<T> Values<T>()
        where T : struct, Enum =>
        typeof(T) == typeof(MaskingMode) ? (IEnumerable<T>)(object)MaskingModes
        : typeof(T) == typeof(PolicyEffect) ? (IEnumerable<T>)(object)Effects
        : typeof(T) == typeof(AuditLevel) ? (IEnumerable<T>)(object)AuditLevels
        : Enum.GetValues<T>();

    private static bool TryParse<T>(string? text, IEnumerable<T> values, Func<T, string> name, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in values)
        {
            if (string.Equals(name(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
