using Gatehouse.Policy.Conditions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Policy.Loading;

/// <summary>Reads one rule: <c>name</c>, <c>match</c>, optional <c>when</c>, <c>effect</c> and its parameters.</summary>
internal sealed class RuleReader(DiagnosticBag bag)
{
    private static readonly HashSet<string> Keys = ["name", "match", "when", "effect", "reason", "approval", "masking", "audit"];
    private static readonly HashSet<string> MaskingKeys = ["request", "response"];

    private readonly CelCompiler _cel = new();
    private readonly MatchReader _match = new(bag);
    private readonly ApprovalReader _approval = new(bag);

    public PolicyRule? Read(YamlNode node)
    {
        var mapping = YamlNodes.Mapping(node, "each rule", bag);
        if (mapping is null)
        {
            return null;
        }

        YamlNodes.RejectUnknownKeys(mapping, Keys, "a rule", bag);
        var nameNode = YamlNodes.Child(mapping, "name");
        var name = nameNode is null ? null : YamlNodes.Scalar(nameNode, "name", bag);
        if (nameNode is null)
        {
            bag.Add(mapping, "a rule needs a 'name'");
        }

        var label = $"rule '{name ?? "?"}'";
        var matchNode = YamlNodes.Child(mapping, "match");
        if (matchNode is null)
        {
            bag.Add(mapping, $"{label} needs a 'match' (use 'match: {{}}' to match every exchange)");
        }

        var match = matchNode is null ? null : _match.Read(matchNode, label);
        var effect = ReadEffect(mapping, label);
        var masking = YamlNodes.Child(mapping, "masking") is { } maskingNode ? ReadMasking(maskingNode) : MaskingOverrides.None;
        var audit = YamlNodes.Child(mapping, "audit") is { } auditNode ? ReadAudit(auditNode) : null;
        if (effect is null && YamlNodes.Child(mapping, "effect") is null && masking == MaskingOverrides.None && audit is null)
        {
            bag.Add(mapping, $"{label} needs an 'effect' (allow, deny or require_approval), or 'masking' or 'audit'");
        }

        var approval = ReadApproval(mapping, effect, match?.HoldsResponse ?? false, label);
        var when = YamlNodes.Child(mapping, "when") is { } whenNode ? YamlNodes.Scalar(whenNode, "when", bag) : null;
        var condition = when is null ? null : CompileCondition(YamlNodes.Child(mapping, "when")!, when, label);
        var reason = YamlNodes.Child(mapping, "reason") is { } reasonNode ? YamlNodes.Scalar(reasonNode, "reason", bag) : null;

        return name is null || match is null ? null : new PolicyRule
        {
            Name = name,
            Line = (int)mapping.Start.Line,
            Column = (int)mapping.Start.Column,
            Effect = effect,
            Reason = reason,
            Approval = approval,
            Masking = masking,
            Audit = audit,
            When = when,
            Match = match.Match,
            Condition = condition,
        };
    }

    private PolicyEffect? ReadEffect(YamlMappingNode mapping, string label)
    {
        if (YamlNodes.Child(mapping, "effect") is not { } node || YamlNodes.Scalar(node, "effect", bag) is not { } text)
        {
            return null;
        }

        if (PolicyNames.TryParseEffect(text, out var effect))
        {
            return effect;
        }

        bag.Add(node, $"{label}: effect must be {PolicyNames.Choices<PolicyEffect>()}, not '{text}'");
        return null;
    }

    private ApprovalRequirement? ReadApproval(YamlMappingNode mapping, PolicyEffect? effect, bool holdsResponse, string label)
    {
        var node = YamlNodes.Child(mapping, "approval");
        if (effect == PolicyEffect.RequireApproval)
        {
            if (node is null)
            {
                bag.Add(mapping, $"{label}: require_approval needs an 'approval' with reviewer_groups or reviewer_users");
                return null;
            }

            return _approval.Read(node, holdsResponse, label);
        }

        if (node is not null)
        {
            bag.Add(node, $"{label}: 'approval' only applies to effect require_approval");
        }

        return null;
    }

    private MaskingOverrides ReadMasking(YamlNode node)
    {
        if (YamlNodes.Mapping(node, "masking", bag) is not { } mapping)
        {
            return MaskingOverrides.None;
        }

        YamlNodes.RejectUnknownKeys(mapping, MaskingKeys, "masking", bag);
        return new MaskingOverrides(ReadMode(YamlNodes.Child(mapping, "request")), ReadMode(YamlNodes.Child(mapping, "response")));
    }

    private MaskingMode? ReadMode(YamlNode? node)
    {
        var text = node is null ? null : YamlNodes.Scalar(node, "a masking mode", bag);
        if (text is null)
        {
            return null;
        }

        if (PolicyNames.TryParseMasking(text, out var mode))
        {
            return mode;
        }

        bag.Add(node!, $"a masking mode must be {PolicyNames.Choices<MaskingMode>()}, not '{text}'");
        return null;
    }

    private AuditLevel? ReadAudit(YamlNode node)
    {
        var text = YamlNodes.Scalar(node, "audit", bag);
        if (text is null)
        {
            return null;
        }

        if (PolicyNames.TryParseAudit(text, out var level))
        {
            return level;
        }

        bag.Add(node, $"audit must be {PolicyNames.Choices<AuditLevel>()}, not '{text}'");
        return null;
    }

    private CelCondition? CompileCondition(YamlNode node, string expression, string label)
    {
        var condition = _cel.Compile(expression, out var error, out var line, out var column);
        if (condition is null)
        {
            var (fileLine, fileColumn) = Locate(node, line, column);
            bag.Add(fileLine, fileColumn, $"{label}: when: {error} (at {line}:{column} of the expression)");
        }

        return condition;
    }

    // A one-line plain or quoted scalar maps an expression position to an exact file column; for block scalars the
    // error points at the value's start and the message carries the position inside the expression.
    private static (int Line, int Column) Locate(YamlNode node, int line, int column)
    {
        var start = node.Start;
        if (line == 1 && node is YamlScalarNode scalar && node.End.Line == start.Line)
        {
            var quote = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
            return ((int)start.Line, (int)start.Column + quote + column - 1);
        }

        return ((int)start.Line, (int)start.Column);
    }
}
