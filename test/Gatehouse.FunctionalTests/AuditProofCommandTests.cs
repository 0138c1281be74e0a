using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Proofs;
using Gatehouse.Audit.Records;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Gatehouse.FunctionalTests;

/// <summary>Entries written through the real SQLite store, a signed checkpoint, and a proof checked with the public key alone.</summary>
public sealed class AuditProofCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-proof-").FullName;

    private string Db => Path.Combine(_directory, "gatehouse.db");

    private string Key => Path.Combine(_directory, "checkpoint.pem");

    private string PublicKey => Path.Combine(_directory, "checkpoint.pub.pem");

    private string ProofFile => Path.Combine(_directory, "proof.json");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var store = SqliteStore.Open(Db);
        for (var i = 1; i <= 6; i++)
        {
            var id = $"ex-{i}";
            var intent = new ExchangeIntent { ExchangeId = id, StartedAt = Start.AddMinutes(i), Identity = new AuditIdentity("alice", null, ["dev"], null, null, "api-key"), Api = "openai.chat", Connection = "demo", Method = "POST", Path = "/v1/chat/completions", Prompt = $"prompt {i}" };
            var outcome = new ExchangeOutcome { ExchangeId = id, CompletedAt = Start.AddMinutes(i).AddSeconds(1), Status = 200, Response = $"response {i}" };
            await store.AppendAsync([AuditEntryCodec.ForIntent(intent, intent.StartedAt), AuditEntryCodec.ForOutcome(outcome, outcome.CompletedAt)], Token);
        }

        Assert.Equal(0, (await GatehouseCommand.RunAsync("audit", "keygen", "--out", Key)).ExitCode);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Keygen_WritesPrivateKeyOwnerOnlyAndPublicKeyBeside_RefusesToOverwrite()
    {
        Assert.True(File.Exists(PublicKey));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Key));
        }

        Assert.Equal(2, (await GatehouseCommand.RunAsync("audit", "keygen", "--out", Key)).ExitCode);
    }

    [Fact]
    public async Task CheckpointProveVerify_WithPublicKeyOnly_ProofHolds()
    {
        var worm = Path.Combine(_directory, "worm");
        var signed = await GatehouseCommand.RunAsync("audit", "checkpoint", "--key", Key, "--out", worm, "--db", Db);
        Assert.Equal(0, signed.ExitCode);
        Assert.StartsWith("gatehouse/audit-checkpoint/v1\n12\n", signed.Output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(worm));

        var proved = await GatehouseCommand.RunAsync("audit", "prove", "ex-4", "--out", ProofFile, "--db", Db);
        Assert.Equal(0, proved.ExitCode);
        File.Delete(Db);

        var verified = await GatehouseCommand.RunAsync("audit", "verify-proof", ProofFile, "--public-key", PublicKey);
        Assert.Equal(0, verified.ExitCode);
        Assert.StartsWith("valid: exchange ex-4, entries 7, 8 are in the log of 12 entries", verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prove_OlderStoredCheckpointBySize_ProvesAgainstIt()
    {
        Assert.Equal(0, (await GatehouseCommand.RunAsync("audit", "checkpoint", "--key", Key, "--db", Db)).ExitCode);
        await using (var store = SqliteStore.Open(Db))
        {
            var intent = new ExchangeIntent { ExchangeId = "ex-7", StartedAt = Start, Identity = new AuditIdentity("bob", null, [], null, null, "api-key"), Api = "openai.chat", Connection = "demo", Method = "POST", Path = "/v1/chat/completions" };
            await store.AppendAsync([AuditEntryCodec.ForIntent(intent, Start)], Token);
        }

        Assert.Equal(0, (await GatehouseCommand.RunAsync("audit", "checkpoint", "--key", Key, "--db", Db)).ExitCode);

        var older = await GatehouseCommand.RunAsync("audit", "prove", "ex-1", "--checkpoint", "12", "--out", ProofFile, "--db", Db);
        var verified = await GatehouseCommand.RunAsync("audit", "verify-proof", ProofFile, "--public-key", PublicKey);
        var outside = await GatehouseCommand.RunAsync("audit", "prove", "ex-7", "--checkpoint", "12", "--db", Db);
        var none = await GatehouseCommand.RunAsync("audit", "prove", "ex-1", "--checkpoint", "5", "--db", Db);

        Assert.Equal((0, 0, 1, 1), (older.ExitCode, verified.ExitCode, outside.ExitCode, none.ExitCode));
        Assert.Contains("in the log of 12 entries", verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyProof_FlippedByteOrOtherKey_Refused()
    {
        Assert.Equal(0, (await GatehouseCommand.RunAsync("audit", "prove", "ex-2", "--key", Key, "--out", ProofFile, "--db", Db)).ExitCode);
        var original = await File.ReadAllBytesAsync(ProofFile, Token);
        var otherKey = Path.Combine(_directory, "other.pem");
        Assert.Equal(0, (await GatehouseCommand.RunAsync("audit", "keygen", "--out", otherKey)).ExitCode);

        var other = await GatehouseCommand.RunAsync("audit", "verify-proof", ProofFile, "--public-key", Path.Combine(_directory, "other.pub.pem"));
        var canonical = original.AsSpan().IndexOf("\"canonical\": \""u8) + 20;
        await File.WriteAllBytesAsync(ProofFile, Flip(original, canonical), Token);
        var flipped = await GatehouseCommand.RunAsync("audit", "verify-proof", ProofFile, "--public-key", PublicKey);

        Assert.Equal((1, 1), (other.ExitCode, flipped.ExitCode));
        Assert.Contains("signature does not verify", other.Output, StringComparison.Ordinal);
        using var verifier = CheckpointVerifier.FromPem(await File.ReadAllTextAsync(PublicKey, Token));
        Assert.Equal(ProofProblem.None, ExchangeProofVerifier.Verify(ExchangeProofJson.Read(original)!, verifier));
        for (var i = 0; i < original.Length; i++)
        {
            var proof = ExchangeProofJson.Read(Flip(original, i));
            Assert.True(proof is null || ExchangeProofVerifier.Verify(proof, verifier) != ProofProblem.None, $"byte {i} flipped was accepted");
        }
    }

    [Fact]
    public async Task Prove_RowEditedAfterCheckpoint_RefusedAndCheckpointsNameIt()
    {
        Assert.Equal(0, (await GatehouseCommand.RunAsync("audit", "checkpoint", "--key", Key, "--db", Db)).ExitCode);
        Assert.Equal(0, (await GatehouseCommand.RunAsync("audit", "verify-checkpoints", "--public-key", PublicKey, "--db", Db)).ExitCode);
        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE audit_entries SET status = 500 WHERE seq = 6";
            command.ExecuteNonQuery();
        }

        var proved = await GatehouseCommand.RunAsync("audit", "prove", "ex-3", "--out", ProofFile, "--db", Db);
        var checkpoints = await GatehouseCommand.RunAsync("audit", "verify-checkpoints", "--public-key", PublicKey, "--db", Db);

        Assert.Equal(1, proved.ExitCode);
        Assert.Contains("not the checkpoint's signed root", proved.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(ProofFile));
        Assert.Equal(1, checkpoints.ExitCode);
        Assert.StartsWith("NOT INTACT: the checkpoint of 12 entries", checkpoints.Output, StringComparison.Ordinal);
    }

    private static byte[] Flip(byte[] bytes, int index)
    {
        var copy = bytes.ToArray();
        copy[index] ^= 1;
        return copy;
    }
}
