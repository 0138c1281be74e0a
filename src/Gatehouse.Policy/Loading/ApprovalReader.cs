using Gatehouse.Policy.Durations;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Policy.Loading;

/// <summary>Reads a rule's <c>approval</c> mapping, filling the documented defaults.</summary>
internal sealed class ApprovalReader(DiagnosticBag bag)
{
    private static readonly DurationRange Range = new(TimeSpan.FromSeconds(1), TimeSpan.FromDays(366));

    private static readonly HashSet<string> Keys =
    [
        "reviewer_groups", "reviewer_users", "approvals", "deny_threshold", "wait", "timeout", "expiry", "hold",
    ];

    public ApprovalRequirement? Read(YamlNode node, bool holdsResponse, string label)
    {
        var what = $"{label}: approval";
        if (YamlNodes.Mapping(node, what, bag) is not { } mapping)
        {
            return null;
        }

        YamlNodes.RejectUnknownKeys(mapping, Keys, what, bag);
        var groups = List(mapping, "reviewer_groups", what);
        var users = List(mapping, "reviewer_users", what);
        if (groups.Count == 0 && users.Count == 0)
        {
            bag.Add(mapping, $"{what} needs reviewer_groups or reviewer_users");
        }

        var approval = new ApprovalRequirement
        {
            ReviewerGroups = groups,
            ReviewerUsers = users,
            Approvals = Int(mapping, "approvals", what) ?? ApprovalRequirement.DefaultApprovals,
            DenyThreshold = Int(mapping, "deny_threshold", what) ?? ApprovalRequirement.DefaultDenyThreshold,
            Wait = Duration(mapping, "wait", what) ?? ApprovalRequirement.DefaultWait,
            Timeout = Duration(mapping, "timeout", what) ?? ApprovalRequirement.DefaultTimeout,
            Expiry = Duration(mapping, "expiry", what) ?? ApprovalRequirement.DefaultExpiry,
            Hold = Hold(mapping, what) ?? (holdsResponse ? ApprovalHold.Response : ApprovalHold.Request),
        };
        if (approval.Wait > approval.Timeout)
        {
            bag.Add(YamlNodes.Child(mapping, "wait") ?? mapping, $"{what}: wait ({approval.Wait}) must not exceed timeout ({approval.Timeout})");
        }

        return approval;
    }

    private List<string> List(YamlMappingNode mapping, string key, string what) =>
        YamlNodes.Child(mapping, key) is { } node ? YamlNodes.ScalarList(node, $"{what}.{key}", bag) ?? [] : [];

    private int? Int(YamlMappingNode mapping, string key, string what) =>
        YamlNodes.Child(mapping, key) is { } node ? YamlNodes.PositiveInt(node, $"{what}.{key}", bag) : null;

    private TimeSpan? Duration(YamlMappingNode mapping, string key, string what)
    {
        if (YamlNodes.Child(mapping, key) is not { } node)
        {
            return null;
        }

        var result = DurationGrammar.Parse((node as YamlScalarNode)?.Value, Range);
        if (result.Value is { } duration)
        {
            return duration;
        }

        bag.Add(node, $"{what}.{key}: {result.Error}");
        return null;
    }

    private ApprovalHold? Hold(YamlMappingNode mapping, string what)
    {
        if (YamlNodes.Child(mapping, "hold") is not { } node || YamlNodes.Scalar(node, $"{what}.hold", bag) is not { } text)
        {
            return null;
        }

        if (PolicyNames.TryParseHold(text, out var hold))
        {
            return hold;
        }

        bag.Add(node, $"{what}.hold must be {PolicyNames.Choices<ApprovalHold>()}, not '{text}'");
        return null;
    }
}
