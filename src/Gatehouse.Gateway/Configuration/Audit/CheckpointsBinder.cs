using System.Collections;
using Gatehouse.Gateway.Configuration.Loading;

namespace Gatehouse.Gateway.Configuration.Audit;

/// <summary>Reads <c>audit.checkpoints</c>: the signing key (<see cref="CheckpointKeyBinder"/>), how often, and where copies go.</summary>
internal static class CheckpointsBinder
{
    public static CheckpointConfig? Bind(SectionReader s, IDictionary environment)
    {
        var key = CheckpointKeyBinder.Bind(s, environment);
        var config = new CheckpointConfig
        {
            KeyFile = key?.File ?? "",
            KeyPem = key?.Pem,
            KeyEnv = key?.Env,
            Interval = s.Duration("interval", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            Entries = s.Long("entries", 10_000, 1, 100_000_000),
            Directory = s.String("directory"),
        };
        s.ReportUnknownKeys();
        return key is null ? null : config;
    }
}
