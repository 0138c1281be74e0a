using Gatehouse.Gateway.Identity.Oidc;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Tests.Identity;

public sealed class TokenLifetimeTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TokenValidationParameters Parameters = new() { ClockSkew = TimeSpan.FromSeconds(60), RequireExpirationTime = true };
    private readonly LifetimeValidator _validator = TokenLifetime.Validator(new FakeTimeProvider(new DateTimeOffset(Now)));

    [Theory]
    [InlineData(-3600, 1)]
    [InlineData(-3600, -59)]
    [InlineData(59, 3600)]
    public void Validate_WithinSkew_Accepted(int notBeforeSeconds, int expiresSeconds) =>
        Assert.True(_validator(Now.AddSeconds(notBeforeSeconds), Now.AddSeconds(expiresSeconds), null, Parameters));

    [Fact]
    public void Validate_ExpiredBeyondSkew_ThrowsExpired() =>
        Assert.Throws<SecurityTokenExpiredException>(() => _validator(Now.AddHours(-1), Now.AddSeconds(-61), null, Parameters));

    [Fact]
    public void Validate_NotBeforeBeyondSkew_ThrowsNotYetValid() =>
        Assert.Throws<SecurityTokenNotYetValidException>(() => _validator(Now.AddSeconds(61), Now.AddHours(1), null, Parameters));

    [Fact]
    public void Validate_NoExpiry_ThrowsNoExpiration() =>
        Assert.Throws<SecurityTokenNoExpirationException>(() => _validator(Now, null, null, Parameters));

    [Fact]
    public void Validate_NotBeforeAfterExpiry_ThrowsInvalidLifetime() =>
        Assert.Throws<SecurityTokenInvalidLifetimeException>(() => _validator(Now.AddMinutes(2), Now.AddMinutes(1), null, Parameters));
}
