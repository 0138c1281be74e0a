namespace Gatehouse.Audit.Tests.Proofs;

/// <summary>Compares byte arrays by content.</summary>
internal sealed class ByteArrays : IEqualityComparer<byte[]>
{
    public static readonly ByteArrays Comparer = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj) => obj.Length == 0 ? 0 : obj[0];
}
