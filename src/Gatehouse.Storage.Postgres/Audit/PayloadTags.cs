namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>The tag values <see cref="EntryTags"/> reads out of one payload (each empty when its path is absent).</summary>
internal sealed class PayloadTags
{
    public List<string> Groups { get; set; } = [];

    public List<string> Principals { get; set; } = [];

    public List<string> Rules { get; set; } = [];

    public List<string> Findings { get; set; } = [];
}
