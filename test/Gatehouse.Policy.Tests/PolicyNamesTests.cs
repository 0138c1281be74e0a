namespace Gatehouse.Policy.Tests;

/// <summary>
/// <see cref="PolicyNames"/> is the one table of the policy's enum names: every value has a lower-case name that reads
/// back to it, names are matched exactly, and the error lists are built from the same table.
/// </summary>
public sealed class PolicyNamesTests
{
    [Fact]
    public void EveryValue_OfEveryNamedEnum_RoundTripsThroughItsLowerCaseName()
    {
        RoundTrip<PolicyApi>(PolicyNames.TryParseApi);
        RoundTrip<PolicyDirection>(PolicyNames.TryParseDirection);
        RoundTrip<PolicyEffect>(PolicyNames.TryParseEffect);
        RoundTrip<MaskingMode>(PolicyNames.TryParseMasking);
        RoundTrip<AuditLevel>(PolicyNames.TryParseAudit);
        RoundTrip<ApprovalHold>(PolicyNames.TryParseHold);
    }

    [Theory]
    [InlineData("Mask")]
    [InlineData("BLOCK")]
    [InlineData(" off")]
    [InlineData("2")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseMasking_AnythingButAnExactName_Refused(string? text) =>
        Assert.False(PolicyNames.TryParseMasking(text, out _));

    [Fact]
    public void Choices_ListEveryName_InTheDocumentedOrder()
    {
        Assert.Equal("mask, block or off", PolicyNames.Choices<MaskingMode>());
        Assert.Equal("allow, deny or require_approval", PolicyNames.Choices<PolicyEffect>());
        Assert.Equal("full or metadata", PolicyNames.Choices<AuditLevel>());
        Assert.Equal("request or response", PolicyNames.Choices<ApprovalHold>());
        Assert.Equal(Names("chat, responses, messages, completions, mcp or http").Order(), Names(PolicyNames.Choices<PolicyApi>()).Order());
    }

    private static IEnumerable<string> Names(string choices) => choices.Replace(" or ", ", ", StringComparison.Ordinal).Split(", ");

    private delegate bool Parser<T>(string? text, out T value);

    private static void RoundTrip<T>(Parser<T> parse)
        where T : struct, Enum
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in Enum.GetValues<T>())
        {
            var name = PolicyNames.Name(value);
            Assert.Equal(name.ToLowerInvariant(), name);
            Assert.True(names.Add(name), $"{typeof(T).Name}: '{name}' names two values");
            Assert.True(parse(name, out var read), $"{typeof(T).Name}: '{name}' does not read back");
            Assert.Equal(value, read);
            Assert.Contains(name, Names(PolicyNames.Choices<T>()));
        }
    }
}
