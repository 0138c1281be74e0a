using Gatehouse.Policy.Conditions;
using Gatehouse.Policy.Context;
using Gatehouse.Policy.ToolCalls;

namespace Gatehouse.Policy.Evaluation;

/// <summary>One evaluation's view of the context; decodes tool calls and builds CEL variables at most once, on demand.</summary>
internal sealed class EvaluationScope(PolicyContext context, IReadOnlySet<string> pathArguments)
{
    private InspectedToolCall[]? _toolCalls;
    private IDictionary<string, object?>? _celVariables;

    public PolicyContext Context { get; } = context;

    public IReadOnlyList<InspectedToolCall> ToolCalls => _toolCalls ??= Inspect();

    public IDictionary<string, object?> CelVariables => _celVariables ??= CelVariableBuilder.Build(this);

    private InspectedToolCall[] Inspect()
    {
        var calls = Context.ToolCalls;
        if (calls.Count == 0)
        {
            return [];
        }

        var inspected = new InspectedToolCall[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            inspected[i] = InspectedToolCall.Inspect(calls[i], pathArguments);
        }

        return inspected;
    }
}
