using System.Xml.Linq;
using Gatehouse.Control.Console.KeyRing;
using Gatehouse.Storage.KeyRing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gatehouse.Gateway.Tests.Console;

/// <summary>The console's key ring over the store: encrypted at rest with the configured key, never replacing an element.</summary>
public sealed class StoreXmlRepositoryTests
{
    private static readonly XElement Key = XElement.Parse("<key id=\"0b5a\" version=\"1\"><secret>master-key-material</secret></key>");

    [Fact]
    public void StoreElement_WithAKey_StoredEncrypted_ReadBackWithTheSameKey_NotWithAnother()
    {
        var store = new MemoryKeyRing();
        var secret = "console-key-ring-secret-of-32-b!"u8.ToArray();
        Repository(store, secret).StoreElement(Key, "key-0b5a");

        var stored = Assert.Single(store.Elements);
        Assert.True(KeyRingCipher.IsSealed(stored.Content));
        Assert.DoesNotContain("master-key-material", System.Text.Encoding.UTF8.GetString(stored.Content), StringComparison.Ordinal);
        Assert.Equal(Key.ToString(), Assert.Single(Repository(store, secret).GetAllElements()).ToString());
        Assert.Empty(Repository(store, "another-key-ring-secret-of-32-b!"u8.ToArray()).GetAllElements());
        Assert.Empty(Repository(store, null).GetAllElements());
    }

    [Fact]
    public void StoreElement_WithoutAKey_StoredAsXml_AndReadByARepositoryThatHasOne()
    {
        var store = new MemoryKeyRing();
        Repository(store, null).StoreElement(Key, "key-0b5a");

        Assert.False(KeyRingCipher.IsSealed(Assert.Single(store.Elements).Content));
        Assert.Single(Repository(store, "console-key-ring-secret-of-32-b!"u8.ToArray()).GetAllElements());
    }

    [Fact]
    public void StoreElement_NameTaken_KeepsBoth()
    {
        var store = new MemoryKeyRing();
        var repository = Repository(store, null);
        repository.StoreElement(Key, "revocation-1");
        repository.StoreElement(new XElement("revocation"), "revocation-1");

        Assert.Equal(2, store.Elements.Count);
        Assert.Equal(2, repository.GetAllElements().Count);
    }

    [Fact]
    public void ElementMovedUnderAnotherName_NotRead()
    {
        var store = new MemoryKeyRing();
        var secret = "console-key-ring-secret-of-32-b!"u8.ToArray();
        Repository(store, secret).StoreElement(Key, "key-a");
        var moved = new MemoryKeyRing();
        moved.Add(store.Elements[0] with { Name = "key-b" });

        Assert.Empty(Repository(moved, secret).GetAllElements());
    }

    private static StoreXmlRepository Repository(IKeyRingStore store, byte[]? secret) =>
        new(store, secret is null ? null : new KeyRingCipher(secret), TimeProvider.System, NullLogger<StoreXmlRepository>.Instance);

    private sealed class MemoryKeyRing : IKeyRingStore
    {
        public List<KeyRingElement> Elements { get; } = [];

        public IReadOnlyList<KeyRingElement> ReadAll() => [.. Elements];

        public bool Add(KeyRingElement element)
        {
            if (Elements.Any(e => e.Name == element.Name))
            {
                return false;
            }

            Elements.Add(element);
            return true;
        }
    }
}
