using System.Text;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>Checks that no part of a secret reached what a client, an operator or an auditor can read.</summary>
public static class LeakCheck
{
    /// <summary>
    /// Asserts that the middle of <paramref name="secret"/> is in none of: the client's body, any log line, and the
    /// bytes of the database files (tables, indexes and WAL pages alike).
    /// </summary>
    public static async Task AssertAbsentAsync(string secret, string clientBody, CapturedLogs logs, string databasePath)
    {
        var middle = secret[4..14];
        Assert.DoesNotContain(middle, clientBody, StringComparison.Ordinal);
        Assert.DoesNotContain(middle, string.Join("\n", logs.Lines), StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(databasePath)!, Path.GetFileName(databasePath) + "*"))
        {
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            Assert.DoesNotContain(middle, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }
}
