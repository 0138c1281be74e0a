namespace Gatehouse.Protocols.Streaming;

/// <summary>One tool call being reassembled from its deltas.</summary>
internal sealed class ToolCallBuilder
{
    public ToolCallBuilder(int choice, int index)
    {
        Choice = choice;
        Index = index;
        Arguments = new BoundedText(int.MaxValue);
    }

    public int Choice { get; }

    public int Index { get; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public BoundedText Arguments { get; }

    public ToolCall Build() => new(Id, Name ?? "", Arguments.ToString());
}
