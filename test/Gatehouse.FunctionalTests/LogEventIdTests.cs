using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.FunctionalTests;

/// <summary>Operators alert on log event ids (docs/operations.md): one id must mean one event across the whole product.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void LoggerMessages_AcrossEveryGatehouseAssembly_HaveUniqueEventIds()
    {
        var assemblies = new[] { "gatehouse", "Gatehouse.Gateway", "Gatehouse.Audit", "Gatehouse.Export", "Gatehouse.Masking", "Gatehouse.Policy",
            "Gatehouse.Protocols", "Gatehouse.Storage", "Gatehouse.Storage.Sqlite", "Gatehouse.Control" }.Select(name => Assembly.Load(name));
        var messages = assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.FullName}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        var duplicates = messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}").ToList();

        Assert.True(messages.Count > 50, $"only {messages.Count} logger messages found");
        Assert.True(duplicates.Count == 0, "event ids used twice:\n" + string.Join('\n', duplicates));
    }
}
