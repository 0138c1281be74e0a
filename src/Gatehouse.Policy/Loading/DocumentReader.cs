using YamlDotNet.RepresentationModel;

namespace Gatehouse.Policy.Loading;

/// <summary>Reads the top level of a policy file: <c>default</c>, <c>path_arguments</c> and <c>rules</c>.</summary>
internal sealed class DocumentReader(DiagnosticBag bag)
{
    private static readonly HashSet<string> Keys = ["default", "path_arguments", "rules"];

    public PolicyDocument? Read(YamlNode root)
    {
        var mapping = YamlNodes.Mapping(root, "the policy file", bag);
        if (mapping is null)
        {
            return null;
        }

        YamlNodes.RejectUnknownKeys(mapping, Keys, "the policy file", bag);
        var defaultEffect = ReadDefault(YamlNodes.Child(mapping, "default"));
        var pathArguments = YamlNodes.Child(mapping, "path_arguments") is { } node
            ? YamlNodes.ScalarList(node, "path_arguments", bag) ?? []
            : [.. PolicyDocument.DefaultPathArguments];
        var rules = ReadRules(mapping);
        return new PolicyDocument
        {
            Source = bag.Source,
            Default = defaultEffect,
            PathArguments = pathArguments,
            Rules = rules,
        };
    }

    private PolicyEffect ReadDefault(YamlNode? node)
    {
        if (node is null)
        {
            return PolicyEffect.Deny;
        }

        var text = YamlNodes.Scalar(node, "default", bag);
        if (text is "allow")
        {
            return PolicyEffect.Allow;
        }

        if (text is not (null or "deny"))
        {
            bag.Add(node, $"default must be 'deny' or 'allow', not '{text}'");
        }

        return PolicyEffect.Deny;
    }

    private List<PolicyRule> ReadRules(YamlMappingNode mapping)
    {
        var rules = new List<PolicyRule>();
        var node = YamlNodes.Child(mapping, "rules");
        if (node is null)
        {
            bag.Add(mapping, "the policy file needs a 'rules' list (it may be empty)");
            return rules;
        }

        if (node is not YamlSequenceNode sequence)
        {
            bag.Add(node, "rules must be a list");
            return rules;
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new RuleReader(bag);
        foreach (var child in sequence.Children)
        {
            var rule = reader.Read(child);
            if (rule is null)
            {
                continue;
            }

            if (!names.TryAdd(rule.Name, rule.Line))
            {
                bag.Add(rule.Line, rule.Column, $"rule name '{rule.Name}' is already used by the rule at line {names[rule.Name]}");
            }

            rules.Add(rule);
        }

        return rules;
    }
}
