using System.Text;
using CsCheck;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Contract.Tests.Audit;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Postgres;
using Gatehouse.Storage.Postgres.Audit;
using Gatehouse.Testing;
using Npgsql;

namespace Gatehouse.Storage.Contract.Tests.Postgres;

/// <summary>
/// Schema step 12 (<c>gatehouse_audit_append_v12</c>): the search tags derived by the client are the tags step 10's
/// function derived in the server, and a store of schema 11 upgrades with its tags still found.
/// </summary>
public sealed class PostgresTaggedAppendTests : IAsyncDisposable
{
    // Step 10's call: the same arguments but the tags, which its function derives from the payloads itself.
    private const string Step10Call = """
        SELECT entry_seq, entry_prev_hash, entry_hash FROM gatehouse_audit_append(
            @writer_id, @prefix, @kind, @exchange_id, @time_ticks, @subject, @email, @connection, @model, @status, @decision,
            @payload, @body, @body_hash, @unsequenced, @part_hash, @part_body, @ref_entry, @ref_ord, @ref_hash)
        """;

    private static readonly string[] Kinds = [AuditEntryKinds.Intent, AuditEntryKinds.Outcome, AuditEntryKinds.Interrupted, "key.created"];

    private readonly PostgresProvider _client = new();
    private readonly PostgresProvider _server = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Append_GeneratedPayloads_ClientTagsEqualStep10sServerTags()
    {
        await _client.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = _client.ConnectionString }, Token);
        await _server.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = _server.ConnectionString }, Token);
        var round = 0;

        // Each batch goes to both schemas, the same entries at the same places: one through this release's call, one
        // through step 10's. Exchange ids repeat across batches, so outcomes also tag intents of earlier batches.
        await Batch.ForAllAsync(
            async drafts =>
            {
                round++;
                await AppendAsync(_client.ConnectionString, drafts, step10: false);
                await AppendAsync(_server.ConnectionString, drafts, step10: true);
                Assert.Equal(await TagsAsync(_server.ConnectionString), await TagsAsync(_client.ConnectionString));
            },
            iter: 40,
            print: drafts => string.Join("\n", drafts.Select(d => d.Kind + " " + d.ExchangeId + " " + Encoding.UTF8.GetString(d.Payload))));

        Assert.Equal(40, round);
        Assert.True(await _client.CountAsync("audit_tags", Token) > 100);
    }

    [Fact]
    public async Task Open_StoreOfSchema11_TagsWrittenBeforeAndAfterTheUpgradeAreFound()
    {
        await _client.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = _client.ConnectionString }, Token);
        // Step 12 adds only its function, so removing it and its version row leaves exactly a schema 11 database; the
        // entries before the upgrade are then written by step 10's function, as the previous release wrote them.
        await _client.ExecuteAsync("DROP FUNCTION gatehouse_audit_append_v12; DELETE FROM gatehouse_schema WHERE version >= 12", Token);
        await AppendAsync(_client.ConnectionString,
            [AuditTagSearchContract.Intent("ex-old", "platform", "block-keys", "deny", "aws-key"), AuditTagSearchContract.Outcome("ex-old", 502, "email")],
            step10: true);

        var store = await _client.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = _client.ConnectionString }, Token);
        await store.AppendAsync(
            [AuditTagSearchContract.Intent("ex-new", "platform", "block-keys", "deny", "aws-key"), AuditTagSearchContract.Outcome("ex-new", 502, "email")],
            Token);

        Assert.Equal(12, await _client.ScalarAsync("SELECT max(version) FROM gatehouse_schema", Token));
        foreach (var query in new[]
        {
            new ExchangeQuery { Group = "platform" }, new ExchangeQuery { Rule = "block-keys" }, new ExchangeQuery { Decision = "deny" },
            new ExchangeQuery { FindingCategory = "aws-key" }, new ExchangeQuery { FindingCategory = "email" }, new ExchangeQuery { Status = 502 },
            new ExchangeQuery { Requester = ["https://idp.example.com#carol-platform"] },
        })
        {
            var found = await store.SearchAsync(query, Token);
            Assert.Equal(["ex-new", "ex-old"], found.Items.Select(r => r.ExchangeId));
        }

        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    // A batch of 1 to 6 entries of the tagged kinds (and one that is never tagged) over three exchange ids, with
    // payloads in every shape the derivation must read as jsonb does: keys absent, repeated or of the wrong type,
    // elements of every scalar type, escapes.
    private static Gen<AuditEntryDraft[]> Batch =>
        Gen.Select(Gen.OneOf(Kinds), Gen.Int[1, 3], Payload, Gen.Int[0, 3], Gen.OneOf<string?>(null, "allow", "deny", "hold"))
            .Select((kind, exchange, payload, status, decision) => new AuditEntryDraft(
                kind,
                "ex-" + exchange,
                Exchanges.Start,
                new AuditIndex { Decision = decision, Status = status == 0 ? null : 200 + status },
                Encoding.UTF8.GetBytes(payload),
                null,
                null))
            .Array[1, 6];

    private static Gen<string> Payload =>
        Gen.Select(Member("identity", Identity), Member("rules", Values), Member("findings", Findings), Gen.Bool)
            .Select((identity, rules, findings, twice) => "{\"v\":1" + identity + rules + findings + (twice ? rules : "") + "}");

    private static Gen<string> Identity =>
        Gen.OneOf(
            Gen.Select(Member("groups", Values), Member("principals", Values)).Select((g, p) => "{\"subject\":\"s\"" + g + p + "}"),
            Gen.OneOf("\"alice\"", "null", "[]"));

    private static Gen<string> Findings =>
        Gen.OneOf(
            Gen.OneOf(
                    Scalar.Select(c => "{\"rule\":\"r\",\"category\":" + c + "}"),
                    Gen.Const("{\"rule\":\"r\"}"),
                    Scalar.Select(c => "{\"category\":\"first\",\"category\":" + c + "}"),
                    Gen.OneOf("\"loose\"", "7", "null"))
                .Array[0, 3].Select(items => "[" + string.Join(",", items) + "]"),
            Gen.OneOf("{}", "\"none\""));

    private static Gen<string> Values =>
        Gen.OneOf(
            Scalar.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]"),
            Gen.OneOf("\"dev\"", "{}", "null"));

    private static Gen<string> Scalar =>
        Gen.OneOf(
            Gen.OneOf("dev", "ops", "team a", "é", "x\"y", "tab\there", "back\\slash", "\u65e5\u672c").Select(s => System.Text.Json.JsonSerializer.Serialize(s)),
            Gen.OneOf("\"\\u00e9t\\u00e9\"", "42", "-3", "2.50", "true", "false", "null"));

    // A member of the object, leading comma included, or nothing.
    private static Gen<string> Member(string name, Gen<string> value) =>
        Gen.Frequency((3, value.Select(v => ",\"" + name + "\":" + v)), (1, Gen.Const(string.Empty)));

    private static async Task AppendAsync(string connectionString, IReadOnlyList<AuditEntryDraft> drafts, bool step10)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var transaction = await connection.BeginTransactionAsync(Token);
        using var batch = new NpgsqlBatch(connection, transaction);
        var call = AppendCall.Create("test", drafts, AuditChain.EncodingPrefix);
        if (step10)
        {
            call.CommandText = Step10Call;
            foreach (var tagColumn in new[] { "tag_entry", "tag_text", "tag_on_intent" })
            {
                call.Parameters.RemoveAt(tagColumn);
            }
        }

        batch.BatchCommands.Add(call);
        await using (var reader = await batch.ExecuteReaderAsync(Token))
        {
            while (await reader.ReadAsync(Token))
            {
            }
        }

        await transaction.CommitAsync(Token);
    }

    private static async Task<List<string>> TagsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        using var command = new NpgsqlCommand("SELECT seq, tag FROM audit_tags ORDER BY seq, tag COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var tags = new List<string>();
        while (await reader.ReadAsync(Token))
        {
            tags.Add(reader.GetInt64(0) + " " + reader.GetString(1));
        }

        return tags;
    }
}
