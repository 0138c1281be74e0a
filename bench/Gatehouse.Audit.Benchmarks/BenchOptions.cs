namespace Gatehouse.Audit.Benchmarks;

/// <summary>Command-line settings: <c>--records N --producers P --verify-entries N --durability fsync|process --provider sqlite|postgres</c>.</summary>
internal sealed record BenchOptions
{
    public int Records { get; init; } = 200_000;

    public int Producers { get; init; } = 64;

    public int VerifyEntries { get; init; } = 1_000_000;

    public Gatehouse.Storage.StoreDurability Durability { get; init; } = Gatehouse.Storage.StoreDurability.Fsync;

    /// <summary>Gets the store appended to: the embedded SQLite file (the default) or PostgreSQL (<see cref="BenchStore.PostgresVariable"/>).</summary>
    public BenchProvider Provider { get; init; } = BenchProvider.Sqlite;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--provider")
            {
                options = options with { Provider = Enum.Parse<BenchProvider>(args[i + 1], ignoreCase: true) };
                continue;
            }

            if (args[i] == "--durability")
            {
                options = options with { Durability = Enum.Parse<Gatehouse.Storage.StoreDurability>(args[i + 1], ignoreCase: true) };
                continue;
            }

            var value = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--records" => options with { Records = value },
                "--producers" => options with { Producers = value },
                "--verify-entries" => options with { VerifyEntries = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
