using System.Data.Common;
using Gatehouse.Storage.KeyRing;
using Gatehouse.Storage.Relational.Commands;

namespace Gatehouse.Storage.Relational.KeyRing;

/// <summary>The console's key ring in a relational store (the <c>key_ring</c> table): the one implementation both providers derive from.</summary>
/// <remarks>
/// Each call opens its own connection synchronously (<see cref="IKeyRingStore"/> says why) and runs one statement. An
/// insert whose name is taken does nothing (<c>ON CONFLICT DO NOTHING</c>, the same in both dialects), so concurrent
/// writers never replace each other's elements and the caller learns it should choose another name.
/// </remarks>
public abstract class RelationalKeyRingStore : IKeyRingStore
{
    private readonly Func<DbConnection> _open;
    private readonly Func<Exception, StoreUnavailableException?> _failure;

    private protected RelationalKeyRingStore(Func<DbConnection> open, Func<Exception, StoreUnavailableException?> failure)
    {
        _open = open;
        _failure = failure;
    }

    /// <inheritdoc />
    public IReadOnlyList<KeyRingElement> ReadAll() => Run(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, content, created_ticks FROM key_ring ORDER BY created_ticks, name";
        using var reader = command.ExecuteReader();
        var elements = new List<KeyRingElement>();
        while (reader.Read())
        {
            elements.Add(new KeyRingElement(
                reader.GetString(0), (byte[])reader.GetValue(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero)));
        }

        return (IReadOnlyList<KeyRingElement>)elements;
    });

    /// <inheritdoc />
    public bool Add(KeyRingElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentException.ThrowIfNullOrEmpty(element.Name);
        return Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO key_ring (name, content, created_ticks) VALUES (@name, @content, @created) ON CONFLICT (name) DO NOTHING";
            command.Add("@name", element.Name);
            command.Add("@content", element.Content);
            command.Add("@created", element.Created.UtcTicks);
            return command.ExecuteNonQuery() == 1;
        });
    }

    private T Run<T>(Func<DbConnection, T> work)
    {
        try
        {
            using var connection = _open();
            return work(connection);
        }
        catch (Exception error) when (_failure(error) is { } unavailable)
        {
            throw unavailable;
        }
    }
}
