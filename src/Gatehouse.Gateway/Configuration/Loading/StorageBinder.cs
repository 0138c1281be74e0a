namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Reads the <c>storage</c> section: exactly one provider, its busy time-out and the leases.</summary>
internal static class StorageBinder
{
    public static StorageConfig Bind(SectionReader s)
    {
        var d = new StorageConfig();
        var sqlite = s.String("sqlite");
        var postgres = s.Child("postgres") is null ? null : BindPostgres(s.Section("postgres"));
        if (sqlite is not null && postgres is not null)
        {
            s.Errors.Add(s.Path, null, "give exactly one of sqlite (a file) or postgres (a database), not both");
        }

        var config = new StorageConfig
        {
            Sqlite = sqlite ?? d.Sqlite,
            Postgres = postgres,
            BusyTimeout = s.Duration("busyTimeout", d.BusyTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1)),
            Leases = s.Child("leases") is null ? d.Leases : BindLeases(s.Section("leases")),
        };
        s.ReportUnknownKeys();
        return config;
    }

    private static LeaseConfig BindLeases(SectionReader s)
    {
        var d = new LeaseConfig();
        var config = new LeaseConfig
        {
            Duration = s.Duration("duration", d.Duration, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)),
            RenewEvery = s.Duration("renewEvery", d.RenewEvery, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5)),
        };
        if (config.RenewEvery * 2 > config.Duration)
        {
            s.Errors.Add(s.ChildPath("renewEvery"), null,
                $"must be at most half of storage.leases.duration ({config.Duration.TotalSeconds:0.###}s), so a holder renews at least twice before its lease lapses");
        }

        s.ReportUnknownKeys();
        return config;
    }

    private static PostgresStorageConfig BindPostgres(SectionReader s)
    {
        var migrate = s.String("migrate") ?? "auto";
        if (migrate is not ("auto" or "off"))
        {
            s.Errors.Add(s.ChildPath("migrate"), null, $"'{migrate}' is not auto or off");
        }

        // Whether exactly one source is given, and whether it reads, is the provider's check (it also parses the
        // string); each of its errors names its path under storage.postgres.
        var config = new PostgresStorageConfig
        {
            ConnectionString = s.String("connectionString"),
            Env = s.String("env"),
            File = s.String("file"),
            Migrate = migrate != "off",
        };
        s.ReportUnknownKeys();
        return config;
    }
}
