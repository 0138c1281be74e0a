using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using Gatehouse.Masking.Redaction;

namespace Gatehouse.Masking.Tests.Redaction;

public sealed class Sha256LanesTests
{
    [Fact]
    public void Mac_SixteenLanes_EachLaneIsTheHmacOfItsOwnMessage() => CheckEveryLane<Lanes512, Vector512<uint>>();

    [Fact]
    public void Mac_EightLanes_EachLaneIsTheHmacOfItsOwnMessage() => CheckEveryLane<Lanes256, Vector256<uint>>();

    private static void CheckEveryLane<TLanes, TVector>()
        where TLanes : ISha256Lanes<TVector>
        where TVector : unmanaged
    {
        Assert.SkipUnless(TLanes.IsSupported, "this machine does not accelerate these lanes");
        var inputs = Hmac.Inputs();
        var key = Hmac.Bytes(inputs, Hmac.Int(inputs, 1, 100));
        var keys = HmacMidstate.Create(key);
        for (var blocks = 1; blocks <= FingerprintBatch.MaxBlocks; blocks++)
        {
            var message = new TVector[Sha256Lanes.ScheduleWords * blocks];
            var words = MemoryMarshal.Cast<TVector, uint>(message.AsSpan());
            var values = new byte[TLanes.Count][];
            for (var lane = 0; lane < TLanes.Count; lane++)
            {
                // Any length whose padding ends exactly at the end of block number `blocks`.
                values[lane] = Hmac.Bytes(inputs, Hmac.Int(inputs, Math.Max(0, (blocks * 64) - 72), (blocks * 64) - 8));
                var padded = new byte[blocks * 64];
                values[lane].CopyTo(padded, 0);
                padded[values[lane].Length] = 0x80;
                BinaryPrimitives.WriteUInt64BigEndian(padded.AsSpan(padded.Length - 8), (ulong)(64 + values[lane].Length) * 8);
                for (var j = 0; j < padded.Length / 4; j++)
                {
                    words[(j * TLanes.Count) + lane] = BinaryPrimitives.ReadUInt32BigEndian(padded.AsSpan(4 * j));
                }
            }

            var state = new TVector[Sha256Lanes.StateWords];
            Sha256Lanes.Mac<TLanes, TVector>(keys, message, blocks, state);

            var first = MemoryMarshal.Cast<TVector, uint>(state.AsSpan(0, 1));
            var second = MemoryMarshal.Cast<TVector, uint>(state.AsSpan(1, 1));
            for (var lane = 0; lane < TLanes.Count; lane++)
            {
                var mac = HMACSHA256.HashData(key, values[lane]);
                Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(mac), first[lane]);
                Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(mac.AsSpan(4)), second[lane]);
            }
        }
    }
}
