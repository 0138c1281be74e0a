using Gatehouse.Audit;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Tests.Identity;
using Gatehouse.Gateway.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Gatehouse.Testing;
using Microsoft.Extensions.Time.Testing;
using Gatehouse.Control.Webhooks;

namespace Gatehouse.Gateway.Tests.Webhooks;

/// <summary>The webhook services as the gateway registers them, on a fake clock, with an in-memory audit trail.</summary>
internal sealed class WebhookRig : IAsyncDisposable
{
    public const string Secret = "whsec-test-0123456789abcdef";

    private readonly ServiceProvider _services;
    private readonly IHostedService _sender;

    private WebhookRig(ServiceProvider services)
    {
        _services = services;
        _sender = services.GetServices<IHostedService>().OfType<WebhookService>().Single();
    }

    /// <summary>Gets the longest backoff between attempts; the rig's options cap it there.</summary>
    public static TimeSpan LongestBackoff { get; } = TimeSpan.FromSeconds(8);

    public FakeTimeProvider Time { get; private init; } = null!;

    /// <summary>Gets the clock the webhook services run on: <see cref="Time"/>, with the timers they have armed on it.</summary>
    public TimerWatch Timers { get; private init; } = null!;

    public RecordingAuditTrail Audit { get; private init; } = null!;

    public CapturingLoggerProvider Logs { get; private init; } = null!;

    public WebhookDispatcher Dispatcher => _services.GetRequiredService<WebhookDispatcher>();

    public System.Diagnostics.Metrics.IMeterFactory Meters => _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

    public static WebhookConfig Json(Uri url, int maxAttempts = 5) => new()
    {
        Name = "ops-json",
        Url = url,
        Secret = Secret,
        SecretSource = "env:TEST_WEBHOOK_SECRET",
        Events = WebhookEvents.All,
        // Longer than all the fake time a test moves on, so that no attempt in flight times out on the fake clock.
        Timeout = TimeSpan.FromHours(1),
        MaxAttempts = maxAttempts,
    };

    public static async Task<WebhookRig> StartAsync(IReadOnlyList<WebhookConfig> webhooks, int queueCapacity = 100, bool start = true)
    {
        var services = new ServiceCollection();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var timers = new TimerWatch(time, time.Advance);
        var audit = new RecordingAuditTrail();
        var logs = new CapturingLoggerProvider();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)).AddMetrics();
        services.AddSingleton<TimeProvider>(timers);
        services.AddSingleton<IAuditTrail>(audit);
        services.AddGatehouseWebhooks(new GatehouseConfig
        {
            Server = new ServerConfig { PublicUrl = "https://gatehouse.example.com" },
            Notifications = new NotificationsConfig { Webhooks = webhooks, QueueCapacity = queueCapacity },
        });
        services.AddSingleton(new WebhookDeliveryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = LongestBackoff });
        var rig = new WebhookRig(services.BuildServiceProvider()) { Time = time, Timers = timers, Audit = audit, Logs = logs };
        if (start)
        {
            await rig.StartAsync();
        }

        return rig;
    }

    public Task StartAsync() => _sender.StartAsync(CancellationToken.None);

    public bool Enqueue(Notice notice) => Dispatcher.TryEnqueue(new QueuedNotice(notice.Event, _ => ValueTask.FromResult(notice)));

    /// <summary>
    /// Moves the fake clock to the end of each backoff a delivery is asleep on, until <paramref name="done"/> holds. An
    /// attempt's own timeout timer (an hour) is never reached: the clock moves only to backoff timers.
    /// </summary>
    public Task AdvanceUntilAsync(Func<bool> done, string what) => Timers.AdvanceUntilAsync(done, what, within: LongestBackoff);

    /// <summary>Returns whether a line with event id <paramref name="id"/> (and <paramref name="containing"/>, if given) was logged.</summary>
    public bool Logged(int id, string? containing = null)
        => Logs.Lines.Any(l => l.Id.Id == id && (containing is null || l.Text.Contains(containing, StringComparison.Ordinal)));

    /// <summary>Gets the addresses the rig's webhooks build, from its public URL.</summary>
    public static ReviewLinks Links { get; } = new("https://gatehouse.example.com");

    public static ReviewNotice Requested(string id = "apr_0001") => new(WebhookEvents.ApprovalRequested, new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero))
    {
        Kind = ReviewNoticeKind.Approval,
        Id = id,
        State = "pending",
        Requester = "kai@example.com",
        Connection = "openai",
        Details =
        [
            new("exchangeId", "ex_42"),
            new("rule", "auth-files-need-review", "Rule"),
            new("justification", "edits <auth> & login", "Justification"),
            new("contentDigest", new string('a', 64), "Content digest", Footnote: true),
        ],
        Links = Links.For(ReviewNoticeKind.Approval, id),
    };

    public async ValueTask DisposeAsync()
    {
        await _sender.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
