using System.Collections;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Configuration.Loading;

namespace Gatehouse.Gateway.Tests.Webhooks;

/// <summary>The <c>notifications</c> section: webhooks bound from YAML, every mistake reported with its path.</summary>
public sealed class NotificationsBinderTests
{
    private const string SecretValue = "whsec-from-env-0123456789";

    [Fact]
    public void Bind_JsonAndSlackWebhooks_BuildsTheSnapshot()
    {
        var (config, errors) = Bind("""
            notifications:
              queueCapacity: 50
              webhooks:
                - name: siem
                  url: https://hooks.example.com/gatehouse
                  secret: {env: WEBHOOK_SECRET}
                  events: [approval.requested, approval.resolved, checkpoint.signed]
                  timeout: 5s
                  maxAttempts: 3
                - name: reviewers
                  format: slack
                  url: {env: SLACK_URL}
                  events: [approval.requested]
            """);

        Assert.Empty(errors);
        Assert.Equal(50, config.QueueCapacity);
        var json = config.Webhooks[0];
        Assert.Equal(new Uri("https://hooks.example.com/gatehouse"), json.Url);
        Assert.Equal(SecretValue, json.Secret);
        Assert.Equal("env:WEBHOOK_SECRET", json.SecretSource);
        Assert.Equal(TimeSpan.FromSeconds(5), json.Timeout);
        Assert.Equal(3, json.MaxAttempts);
        Assert.True(json.Receives("checkpoint.signed"));
        var slack = config.Webhooks[1];
        Assert.Equal(WebhookFormat.Slack, slack.Format);
        Assert.Equal("/services/T000/B000/XXXX", slack.Url.AbsolutePath);
        Assert.Null(slack.Secret);
        Assert.Equal(TimeSpan.FromSeconds(10), slack.Timeout);
        Assert.Equal(5, slack.MaxAttempts);
        Assert.DoesNotContain("XXXX", slack.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_EveryMistake_IsReportedWithItsPath()
    {
        var (_, errors) = Bind("""
            notifications:
              webhooks:
                - name: Bad Name
                  url: ftp://hooks.example.com
                  events: [approval.requested, approval.exploded]
                  maxAttempts: 0
                - name: dup
                  url: https://a.example.com
                  format: teams
                  secret: {env: WEBHOOK_SECRET}
                  events: [checkpoint.signed]
                  timeout: 10m
                - name: dup
                  url: https://b.example.com
                  secret: {value: inline-secret-is-refused}
                  colour: red
                - name: short
                  url: https://c.example.com
                  secret: {env: SHORT_SECRET}
                  events: [checkpoint.signed]
            """);

        var byPath = errors.ToLookup(e => e.Path);
        Assert.Contains("a-z", Message(byPath, "notifications.webhooks[0].name"), StringComparison.Ordinal);
        Assert.Contains("'ftp://hooks.example.com' is not an absolute http(s) URL", Message(byPath, "notifications.webhooks[0].url"), StringComparison.Ordinal);
        Assert.Contains("'approval.exploded' is not one of", Message(byPath, "notifications.webhooks[0].events[1]"), StringComparison.Ordinal);
        Assert.Contains("required for format json", Message(byPath, "notifications.webhooks[0].secret"), StringComparison.Ordinal);
        Assert.Contains("from 1 to 20", Message(byPath, "notifications.webhooks[0].maxAttempts"), StringComparison.Ordinal);
        Assert.Contains("'teams' is not json or slack", Message(byPath, "notifications.webhooks[1].format"), StringComparison.Ordinal);
        Assert.Contains("is not a duration from 1s to 2m", Message(byPath, "notifications.webhooks[1].timeout"), StringComparison.Ordinal);
        Assert.Contains("'dup' is used by another webhook", Message(byPath, "notifications.webhooks[2].name"), StringComparison.Ordinal);
        Assert.Contains("never written in the configuration file", Message(byPath, "notifications.webhooks[2].secret.value"), StringComparison.Ordinal);
        Assert.Contains("required", Message(byPath, "notifications.webhooks[2].events"), StringComparison.Ordinal);
        Assert.Contains("unknown key", Message(byPath, "notifications.webhooks[2].colour"), StringComparison.Ordinal);
        Assert.Contains("shorter than 16 characters", Message(byPath, "notifications.webhooks[3].secret"), StringComparison.Ordinal);
        Assert.All(errors, e => Assert.DoesNotContain("inline-secret-is-refused", e.Message, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain("tiny", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_UrlFromASecretThatIsNotAUrl_IsReportedWithoutQuotingIt()
    {
        var (_, errors) = Bind("""
            notifications:
              webhooks:
                - name: reviewers
                  format: slack
                  url: {env: SHORT_SECRET}
                  events: [approval.requested]
            """);

        var error = Assert.Single(errors);
        Assert.Equal("notifications.webhooks[0].url", error.Path);
        Assert.Equal("the URL from env:SHORT_SECRET is not an absolute http(s) URL", error.Message);
    }

    [Fact]
    public void Load_ConfigurationFile_ReadsTheNotificationsSection()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gatehouse-notifications-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            notifications:
              webhooks:
                - name: siem
                  url: https://hooks.example.com/gatehouse
                  secret: {env: WEBHOOK_SECRET}
                  events: [checkpoint.signed]
            """);
        try
        {
            var result = GatehouseConfigLoader.Load(path, new Hashtable { ["WEBHOOK_SECRET"] = SecretValue });

            Assert.True(result.Success, result.FormatErrors());
            Assert.Equal("siem", Assert.Single(result.Config!.Notifications.Webhooks).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Message(ILookup<string, ConfigError> byPath, string path)
        => Assert.Single(byPath[path], e => true).Message;

    private static (NotificationsConfig Config, IReadOnlyList<ConfigError> Errors) Bind(string yaml)
    {
        var errors = new ConfigErrors();
        var root = YamlConfigReader.Read(new StringReader(yaml), errors);
        var environment = new Hashtable
        {
            ["WEBHOOK_SECRET"] = SecretValue,
            ["SLACK_URL"] = "https://hooks.slack.com/services/T000/B000/XXXX",
            ["SHORT_SECRET"] = "tiny",
        };
        var config = NotificationsBinder.Bind(new SectionReader(root, errors).Section("notifications"), environment);
        return (config, errors.All);
    }
}
