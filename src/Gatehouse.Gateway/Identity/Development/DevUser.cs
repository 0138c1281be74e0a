namespace Gatehouse.Gateway.Identity.Development;

/// <summary>One person the development issuer's sign-in page offers.</summary>
/// <param name="Subject">The subject (<c>sub</c>); the e-mail is <c>{subject}@dev.local</c>.</param>
/// <param name="Role">What the person does, as the picker shows it.</param>
/// <param name="Groups">The groups the person's tokens carry.</param>
internal sealed record DevUser(string Subject, string Role, IReadOnlyList<string> Groups)
{
    /// <summary>The group whose members review held requests and responses in development policies.</summary>
    public const string ReviewerGroup = "reviewers";

    /// <summary>
    /// Gets the people of development mode: alice, a developer; bob, a developer who also reviews; carol, an auditor;
    /// dave, an admin (the <c>auditor</c> and <c>admin</c> groups hold those roles in development mode).
    /// </summary>
    public static IReadOnlyList<DevUser> Defaults { get; } =
    [
        new("alice", "developer", ["dev"]),
        new("bob", "reviewer", ["dev", ReviewerGroup]),
        new("carol", "auditor", ["auditor"]),
        new("dave", "admin", ["admin"]),
    ];

    /// <summary>Finds a default user by subject; null when there is none.</summary>
    public static DevUser? Find(string? subject) => Defaults.FirstOrDefault(u => string.Equals(u.Subject, subject, StringComparison.Ordinal));
}
