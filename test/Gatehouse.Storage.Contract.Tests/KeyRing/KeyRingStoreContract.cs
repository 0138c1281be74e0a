using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.KeyRing;

namespace Gatehouse.Storage.Contract.Tests.KeyRing;

/// <summary>
/// What every console key ring store must do: keep each element byte for byte, read them back oldest first on any
/// instance, never replace an element whose name is taken, and lose none when two instances write at once.
/// </summary>
public abstract class KeyRingStoreContract : ProviderTest
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Add_ThenReadAll_EveryElementByteForByte_OldestFirst_OnAnotherInstanceToo()
    {
        var one = await OpenAsync();
        byte[] binary = [0x47, 0x48, 0x4b, 0x31, 0x00, 0xff, 0x10];
        Assert.True(one.Add(new KeyRingElement("key-b", "<key id=\"b\" />"u8.ToArray(), Start.AddMinutes(1))));
        Assert.True(one.Add(new KeyRingElement("key-a", binary, Start)));

        var two = await OpenAsync();
        var read = two.ReadAll();

        Assert.Equal(["key-a", "key-b"], read.Select(e => e.Name));
        Assert.Equal(binary, read[0].Content);
        Assert.Equal("<key id=\"b\" />"u8.ToArray(), read[1].Content);
        Assert.Equal([Start, Start.AddMinutes(1)], read.Select(e => e.Created));
    }

    [Fact]
    public async Task Add_NameTaken_ReturnsFalse_AndTheFirstElementStays()
    {
        var store = await OpenAsync();
        Assert.Empty(store.ReadAll());
        Assert.True(store.Add(new KeyRingElement("key-1", "<first />"u8.ToArray(), Start)));

        Assert.False(store.Add(new KeyRingElement("key-1", "<second />"u8.ToArray(), Start.AddMinutes(1))));

        var only = Assert.Single(store.ReadAll());
        Assert.Equal("<first />"u8.ToArray(), only.Content);
    }

    [Fact]
    public async Task TwoInstancesWritingAtOnce_LoseNoElement_AndEachContestedNameIsWonOnce()
    {
        var one = await OpenAsync();
        var two = await OpenAsync();
        const int Own = 20;
        const int Contested = 5;

        int[] Write(IKeyRingStore store, string writer) =>
        [
            .. Enumerable.Range(0, Own).Select(i => store.Add(new KeyRingElement($"key-{writer}-{i}", [(byte)i], Start)) ? 1 : 0),
            .. Enumerable.Range(0, Contested).Select(i => store.Add(new KeyRingElement($"revocation-{i}", [(byte)i], Start)) ? 1 : 0),
        ];
        var results = await Task.WhenAll(Task.Run(() => Write(one, "a"), Token), Task.Run(() => Write(two, "b"), Token));

        Assert.All(results, r => Assert.Equal(Own, r.Take(Own).Sum()));
        Assert.Equal(Contested, results.Sum(r => r.Skip(Own).Sum()));
        var names = one.ReadAll().Select(e => e.Name).ToList();
        Assert.Equal((2 * Own) + Contested, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(names.Order(), two.ReadAll().Select(e => e.Name).Order());
    }

    private async Task<IKeyRingStore> OpenAsync() => Provider.KeyRing(await Provider.OpenAsync(Token));
}
