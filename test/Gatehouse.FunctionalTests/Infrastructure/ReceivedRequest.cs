using System.Text;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>A request as the fake upstream received it.</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}
