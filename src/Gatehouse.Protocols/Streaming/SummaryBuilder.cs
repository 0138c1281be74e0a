namespace Gatehouse.Protocols.Streaming;

/// <summary>Folds <see cref="StreamDelta"/>s into a <see cref="ResponseSummary"/>, within fixed bounds.</summary>
/// <remarks>
/// Text is capped at the configured characters (and flagged). Tool-call arguments have their own, larger budget
/// (a file write can be long even where little text is kept), and may not be cut silently, since policy judges them
/// whole: passing it is an error instead.
/// </remarks>
internal sealed class SummaryBuilder
{
    private const int MaxChoices = 16;
    private const int MaxToolCalls = 512;
    private const int DefaultMaxArgumentChars = 4 << 20;
    private readonly int _maxArgumentChars;
    private readonly int _maxTextChars;
    private readonly List<BoundedText> _choices = [];
    private readonly List<ToolCallBuilder> _toolCalls = [];
    private readonly BoundedText _reasoning;
    private string? _model;
    private string? _finishReason;
    private string? _error;
    private long? _input;
    private long? _output;
    private long? _total;
    private int _textChars;
    private int _argumentChars;
    private bool _hasUsage;
    private bool _completed;
    private int _unknownEvents;

    public SummaryBuilder(int maxTextChars, int maxArgumentChars = DefaultMaxArgumentChars)
    {
        _maxArgumentChars = maxArgumentChars;
        _maxTextChars = maxTextChars;
        _reasoning = new BoundedText(maxTextChars);
    }

    public void Fail(string message) => _error ??= message;

    public void Apply(in StreamDelta delta)
    {
        switch (delta.Kind)
        {
            case StreamDeltaKind.Model:
                _model ??= delta.Text;
                break;
            case StreamDeltaKind.TextDelta:
                AppendText(delta);
                break;
            case StreamDeltaKind.ReasoningDelta:
                _reasoning.Append(delta.Text);
                break;
            case StreamDeltaKind.ToolCallStarted:
                StartToolCall(delta);
                break;
            case StreamDeltaKind.ToolArgumentsDelta:
                AppendArguments(delta, replace: false);
                break;
            case StreamDeltaKind.ToolArgumentsDone when delta.Text is not null:
                AppendArguments(delta, replace: true);
                break;
            case StreamDeltaKind.Usage:
                MergeUsage(delta.Usage);
                break;
            case StreamDeltaKind.FinishReason:
                _finishReason = delta.Text ?? _finishReason;
                break;
            case StreamDeltaKind.Completed:
                _completed = true;
                break;
            case StreamDeltaKind.Unknown:
                _unknownEvents++;
                break;
            case StreamDeltaKind.Error:
                Fail(delta.Text ?? "upstream reported an error event");
                break;
            default:
                break;
        }
    }

    public ResponseSummary Build(bool requireCompletion)
    {
        if (requireCompletion && !_completed)
        {
            Fail("stream ended before its final event");
        }

        return new ResponseSummary
        {
            Model = _model,
            Text = _choices.Count == 1 ? _choices[0].ToString() : string.Join('\n', _choices.Select(c => c.ToString())),
            TextTruncated = _choices.Any(c => c.Truncated),
            Reasoning = _reasoning.ToString(),
            ToolCalls = _toolCalls.Count == 0 ? [] : _toolCalls.Select(t => t.Build()).ToArray(),
            Usage = _hasUsage ? new TokenUsage(_input, _output, _total ?? (_input + _output)) : null,
            FinishReason = _finishReason,
            UnknownEvents = _unknownEvents,
            Error = _error,
        };
    }

    private void AppendText(in StreamDelta delta)
    {
        if (delta.Choice < 0 || delta.Choice >= MaxChoices)
        {
            Fail("response has more choices than are inspected");
            return;
        }

        while (_choices.Count <= delta.Choice)
        {
            _choices.Add(new BoundedText(_maxTextChars));
        }

        // One budget across all choices.
        var text = _choices[delta.Choice];
        var before = text.Length;
        text.Append(delta.Text, _maxTextChars - _textChars);
        _textChars += text.Length - before;
    }

    private ToolCallBuilder? Find(int choice, int index, bool create)
    {
        foreach (var call in _toolCalls)
        {
            if (call.Choice == choice && call.Index == index)
            {
                return call;
            }
        }

        if (!create)
        {
            return null;
        }

        if (_toolCalls.Count >= MaxToolCalls)
        {
            Fail("response has more tool calls than are inspected");
            return null;
        }

        var created = new ToolCallBuilder(choice, index);
        _toolCalls.Add(created);
        return created;
    }

    private void StartToolCall(in StreamDelta delta)
    {
        var call = Find(delta.Choice, delta.Index, create: true);
        if (call is not null)
        {
            call.Id ??= delta.Id;
            call.Name ??= delta.Name;
        }
    }

    private void AppendArguments(in StreamDelta delta, bool replace)
    {
        var call = Find(delta.Choice, delta.Index, create: true);
        if (call is null)
        {
            return;
        }

        var before = call.Arguments.Length;
        if (replace)
        {
            call.Arguments.Replace(delta.Text, _maxArgumentChars - _argumentChars + before);
        }
        else
        {
            call.Arguments.Append(delta.Text, _maxArgumentChars - _argumentChars);
        }

        _argumentChars += call.Arguments.Length - before;
        if (call.Arguments.Truncated)
        {
            Fail("tool call arguments exceed the inspected size");
        }
    }

    private void MergeUsage(TokenUsage? usage)
    {
        if (usage is null)
        {
            return;
        }

        _hasUsage = true;
        _input = usage.InputTokens ?? _input;
        _output = usage.OutputTokens ?? _output;
        _total = usage.TotalTokens ?? _total;
    }
}
