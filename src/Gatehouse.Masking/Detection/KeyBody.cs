namespace Gatehouse.Masking.Detection;

/// <summary>What follows a private-key BEGIN line.</summary>
internal enum KeyBody
{
    /// <summary>Code or prose: the BEGIN line is a mention, not a key.</summary>
    None,

    /// <summary>A key's body (base64 lines or armor headers): the block is masked whole.</summary>
    Key,

    /// <summary>Too little text yet to tell; a streaming scan holds the BEGIN line back until it can.</summary>
    Undecided,
}
