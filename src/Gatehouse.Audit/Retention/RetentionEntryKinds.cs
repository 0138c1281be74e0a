namespace Gatehouse.Audit.Retention;

/// <summary>The entry kinds retention and legal holds write.</summary>
public static class RetentionEntryKinds
{
    /// <summary>What a removed record's entry becomes: sequence, time and chain hashes only (see <see cref="Tombstones"/>).</summary>
    public const string Tombstone = "retention.tombstone";

    /// <summary>A legal hold was placed.</summary>
    public const string HoldPlaced = "hold.placed";

    /// <summary>A legal hold was released.</summary>
    public const string HoldReleased = "hold.released";

    /// <summary>A retention run: what it removed per connection, the checkpoint that bridges it and the holds it honoured.</summary>
    public const string Run = "retention.run";
}
