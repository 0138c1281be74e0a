using System.Globalization;
using System.Text;
using System.Text.Json;
using Gatehouse.Audit.Chain;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>
/// Derives an entry's search tags (group, principal, rule, decision, finding, status) from its payload and index
/// columns, before the head is locked, so the append function only inserts them.
/// </summary>
/// <remarks>
/// <para>
/// The tags are those schema step 10's function derived in the server with <c>jsonb</c> (and the embedded store's
/// <c>SearchIndex.TagsSql</c> with SQLite's JSON functions): on an intent, each string of <c>identity.groups</c>,
/// <c>identity.principals</c> and <c>rules</c>, each finding's <c>category</c> and the decision; on an outcome, each
/// finding's category and the status, and on an interruption the status, both tagged on the exchange's intent. Parsing
/// in the server cost a <c>jsonb</c> parse of every intent's and outcome's whole payload (an outcome carries its
/// response text) while the chain's lock was held; here it is one forward read of the payload's bytes, off the lock.
/// </para>
/// <para>
/// A key that appears twice keeps its last value, as <c>jsonb</c> does; a value of another JSON type than the path
/// expects is skipped, as the server's <c>jsonb_typeof</c> guards skipped it; a scalar element gives its text as
/// <c>jsonb</c> does. One difference, outside what the payload codec writes (strings only, for these fields): an
/// element that is itself an object or an array is no tag here, where step 10 tagged its <c>jsonb</c> text. A payload
/// that is not JSON fails the append, as the server's cast did. <c>PostgresTaggedAppendTests</c> holds the two
/// derivations to the same tags over generated payloads.
/// </para>
/// </remarks>
internal static class EntryTags
{
    /// <summary>Adds <paramref name="draft"/>'s tags, the entry being the batch's 1-based <paramref name="entry"/>.</summary>
    public static void Add(AuditEntryDraft draft, int entry, TagColumns columns)
    {
        switch (draft.Kind)
        {
            case AuditEntryKinds.Intent:
                var intent = Read(draft.Payload);
                columns.Add(entry, "group:", intent.Groups, onIntent: false);
                columns.Add(entry, "principal:", intent.Principals, onIntent: false);
                columns.Add(entry, "rule:", intent.Rules, onIntent: false);
                if (draft.Index.Decision is { } decision)
                {
                    columns.Add(entry, "decision:" + decision, onIntent: false);
                }

                columns.Add(entry, "finding:", intent.Findings, onIntent: false);
                break;
            case AuditEntryKinds.Outcome:
                columns.Add(entry, "finding:", Read(draft.Payload).Findings, onIntent: true);
                AddStatus(draft, entry, columns);
                break;
            case AuditEntryKinds.Interrupted:
                AddStatus(draft, entry, columns);
                break;
            default:
                break;
        }
    }

    private static void AddStatus(AuditEntryDraft draft, int entry, TagColumns columns)
    {
        if (draft.Index.Status is { } status)
        {
            columns.Add(entry, "status:" + status.ToString(CultureInfo.InvariantCulture), onIntent: true);
        }
    }

    private static PayloadTags Read(byte[] payload)
    {
        var tags = new PayloadTags();
        var reader = new Utf8JsonReader(payload);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var identity = reader.ValueTextEquals("identity"u8);
                var rules = reader.ValueTextEquals("rules"u8);
                var findings = reader.ValueTextEquals("findings"u8);
                reader.Read();
                if (identity)
                {
                    (tags.Groups, tags.Principals) = ([], []);
                    ReadIdentity(ref reader, tags);
                }
                else if (rules)
                {
                    tags.Rules = Strings(ref reader);
                }
                else if (findings)
                {
                    tags.Findings = Categories(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        // Reads to the end, so a payload that is not one well-formed JSON value fails here, as the server's cast did.
        while (reader.Read())
        {
        }

        return tags;
    }

    // Reads the value of "identity": its groups and principals when it is an object, nothing otherwise.
    private static void ReadIdentity(ref Utf8JsonReader reader, PayloadTags tags)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var groups = reader.ValueTextEquals("groups"u8);
            var principals = reader.ValueTextEquals("principals"u8);
            reader.Read();
            if (groups)
            {
                tags.Groups = Strings(ref reader);
            }
            else if (principals)
            {
                tags.Principals = Strings(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // The elements of the array the reader is on as text; none when it is on another value.
    private static List<string> Strings(ref Utf8JsonReader reader)
    {
        var values = new List<string>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return values;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Text(ref reader) is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    // The category of each object of the array the reader is on (the last, if an object names it twice).
    private static List<string> Categories(ref Utf8JsonReader reader)
    {
        var values = new List<string>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return values;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            string? category = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCategory = reader.ValueTextEquals("category"u8);
                reader.Read();
                if (isCategory)
                {
                    category = Text(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (category is not null)
            {
                values.Add(category);
            }
        }

        return values;
    }

    // A scalar's text as jsonb's ->> and jsonb_array_elements_text give it (a string unescaped, a number or a boolean
    // as written, null as none); an object or an array is skipped (the codec writes neither where a tag is read).
    private static string? Text(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                reader.Skip();
                return null;
        }
    }
}
