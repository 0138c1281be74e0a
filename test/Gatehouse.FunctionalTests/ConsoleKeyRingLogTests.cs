using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Storage.KeyRing;
using Gatehouse.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// The console's Data Protection key ring on a development gateway: the framework's "No XML encryptor configured"
/// warning (event 35) never appears; with <c>console.keyRingKey</c> the key is encrypted, without it one line of ours
/// says what protects it.
/// </summary>
public sealed class ConsoleKeyRingLogTests
{
    private const string FrameworkCategory = "Microsoft.AspNetCore.DataProtection";

    [Fact]
    public async Task ServeDev_WithoutKeyRingKey_LogsWhatProtectsTheKey_NotTheFrameworkWarning()
    {
        var logs = new CapturedLogs();
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = await GatewayUnderTest.StartAsync(upstream, logs: logs);

        RoundTrip(gateway);
        await Eventually.UntilAsync(() => logs.Lines.Any(l => l.Contains("[1711]", StringComparison.Ordinal)), "the key ring's protection logged (event 1711)");

        AssertNoFrameworkWarning(logs);
        Assert.Single(logs.Lines, l => l.Contains("[1711]", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("[1711]", StringComparison.Ordinal) && l.Contains("set console.keyRingKey", StringComparison.Ordinal));
        Assert.DoesNotContain(KeyRing(gateway), e => e.Content.AsSpan().StartsWith("GHK1"u8));
    }

    [Fact]
    public async Task ServeDev_WithKeyRingKey_KeyStoredEncrypted_NoWarningAndNoUnencryptedLine()
    {
        var logs = new CapturedLogs();
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = await GatewayUnderTest.StartAsync(
            upstream,
            config => config with { Console = config.Console with { KeyRingKey = "console-key-ring-secret-of-32-b!"u8.ToArray(), KeyRingKeySource = "env:TEST" } },
            logs);

        RoundTrip(gateway);
        var stored = await Eventually.ValueAsync(() => Task.FromResult(KeyRing(gateway).FirstOrDefault()), "a key in the store's key ring");

        Assert.StartsWith("GHK1", Encoding.ASCII.GetString(stored.Content, 0, 4), StringComparison.Ordinal);
        AssertNoFrameworkWarning(logs);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("[1711]", StringComparison.Ordinal));
    }

    private static void RoundTrip(GatewayUnderTest gateway)
    {
        var protector = gateway.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("console-key-ring-test");
        Assert.Equal("payload", protector.Unprotect(protector.Protect("payload")));
    }

    private static IReadOnlyList<KeyRingElement> KeyRing(GatewayUnderTest gateway) =>
        gateway.Services.GetRequiredService<IKeyRingStore>().ReadAll();

    private static void AssertNoFrameworkWarning(CapturedLogs logs)
    {
        var all = string.Join('\n', logs.Lines);
        Assert.DoesNotContain("No XML encryptor", all, StringComparison.Ordinal);
        Assert.DoesNotContain("null encryptor", all, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith(FrameworkCategory, StringComparison.Ordinal) && l.Contains("[35]", StringComparison.Ordinal));
    }
}
